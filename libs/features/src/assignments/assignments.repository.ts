import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, IsNull } from 'typeorm';
import type { ReviewComment } from '@trellis/contracts';
import { Assignment, AssignmentReviewComment, Client, Exercise, HomeworkResponse } from '@trellis/data';
import type { ResponseWithClient } from './assignment.view';

export interface NewHomeworkResponse {
  assignmentId: string;
  clientId: string;
}

export interface InsertedHomeworkResponse {
  id: string;
  clientId: string;
}

export interface NewReviewComment {
  clinicId: string;
  assignmentId: string;
  authorId: string;
  body: string;
}

export type NewAssignment = Pick<
  Assignment,
  | 'clinicId'
  | 'coupleId'
  | 'exerciseId'
  | 'exerciseVersion'
  | 'title'
  | 'strategy'
  | 'purpose'
  | 'instructions'
  | 'prompts'
  | 'dueAt'
  | 'message'
  | 'shareAnswersAfterBoth'
  | 'assignedBy'
> &
  Partial<Pick<Assignment, 'kind'>>;

/**
 * The assignment aggregate (an assignment and each partner's `homework_response`): the assignments
 * feature's SQL. Writes take the caller's transaction, so rows commit with the change that made
 * them and with the jobs it queued.
 */
@Injectable()
export class AssignmentsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** A built-in exercise, or one of the clinic's own that is not archived. */
  findAssignableExercise(manager: EntityManager, clinicId: string, exerciseId: string): Promise<Exercise | null> {
    return manager.findOne(Exercise, {
      where: [
        // Never the safety check-in: the check-in job sends it to each partner on its own.
        { id: exerciseId, clinicId: IsNull(), kind: 'homework' },
        { id: exerciseId, clinicId, archivedAt: IsNull(), kind: 'homework' },
      ],
    });
  }

  insertAssignments(manager: EntityManager, assignments: readonly NewAssignment[]): Promise<Assignment[]> {
    return manager.save(assignments.map((a) => manager.create(Assignment, a)));
  }

  /** Each couple's next scheduled session still to start (the one homework can be due before). */
  async nextSessionsOf(
    manager: EntityManager,
    coupleIds: readonly string[],
  ): Promise<Map<string, { sessionId: string; startsAt: Date }>> {
    const rows: { couple_id: string; id: string; starts_at: Date }[] = await manager.query(
      `SELECT DISTINCT ON (couple_id) couple_id, id, starts_at FROM session
       WHERE couple_id = ANY($1::uuid[]) AND status = 'scheduled' AND starts_at > now()
       ORDER BY couple_id, starts_at, id`,
      [[...coupleIds]],
    );
    return new Map(rows.map((r) => [r.couple_id, { sessionId: r.id, startsAt: new Date(r.starts_at) }]));
  }

  /** The partners of these couples. */
  partnersOf(manager: EntityManager, coupleIds: readonly string[]): Promise<Client[]> {
    return manager.findBy(Client, { coupleId: In([...coupleIds]) });
  }

  /** One empty response per partner and assignment, in one statement whatever the number. */
  async insertEmptyResponses(
    manager: EntityManager,
    clinicId: string,
    responses: readonly NewHomeworkResponse[],
  ): Promise<InsertedHomeworkResponse[]> {
    if (responses.length === 0) return [];
    const rows: { id: string; client_id: string }[] = await manager.query(
      `INSERT INTO homework_response (clinic_id, assignment_id, client_id, answers)
       SELECT $1::uuid, x.assignment_id, x.client_id, '{}'::jsonb
       FROM unnest($2::uuid[], $3::uuid[]) AS x(assignment_id, client_id)
       RETURNING id, client_id`,
      [clinicId, responses.map((r) => r.assignmentId), responses.map((r) => r.clientId)],
    );
    return rows.map((r) => ({ id: r.id, clientId: r.client_id }));
  }

  /** A couple's homework, latest due first. */
  listForCouple(clinicId: string, coupleId: string): Promise<Assignment[]> {
    return this.dataSource.getRepository(Assignment).find({ where: { coupleId, clinicId }, order: { dueAt: 'DESC' } });
  }

  /** The clinic's assignment by id (who may see it is the caller's check), locked when about to change. */
  findInClinic(clinicId: string, id: string, options: { manager?: EntityManager; lock?: boolean } = {}) {
    const manager = options.manager ?? this.dataSource.manager;
    return manager.findOne(Assignment, {
      where: { id, clinicId },
      ...(options.lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
  }

  async update(manager: EntityManager, id: string, changes: Partial<Assignment>): Promise<void> {
    await manager.update(Assignment, { id }, changes);
  }

  /** How many partners have submitted, of how many. */
  async submissionCounts(manager: EntityManager, assignmentId: string): Promise<{ submitted: number; total: number }> {
    const unsubmitted = await manager.count(HomeworkResponse, { where: { assignmentId, submittedAt: IsNull() } });
    const total = await manager.count(HomeworkResponse, { where: { assignmentId } });
    return { submitted: total - unsubmitted, total };
  }

  async responseIds(manager: EntityManager, assignmentId: string): Promise<string[]> {
    const responses = await manager.find(HomeworkResponse, { where: { assignmentId }, select: { id: true } });
    return responses.map((r) => r.id);
  }

  /** One partner's response on an assignment, with the partner; null when they are not on it. */
  async partnerResponse(
    manager: EntityManager,
    assignmentId: string,
    clientId: string,
  ): Promise<{ response: HomeworkResponse; client: Client } | null> {
    const response = await manager.findOneBy(HomeworkResponse, { assignmentId, clientId });
    const client = response ? await manager.findOneBy(Client, { id: clientId }) : null;
    return response && client ? { response, client } : null;
  }

  /**
   * Stops the partner's current link at once (its hash is gone, so nothing can match it) and ends
   * every homework session it opened.
   */
  async revokeLink(manager: EntityManager, responseId: string): Promise<void> {
    const now = new Date();
    await manager.update(
      HomeworkResponse,
      { id: responseId },
      { linkRevokedAt: now, linkTokenHash: null, sessionsValidAfter: now },
    );
  }

  /** Ends every homework session opened with the partner's earlier links (a new one is on its way). */
  async endHomeworkSessions(manager: EntityManager, responseId: string): Promise<void> {
    await manager.update(HomeworkResponse, { id: responseId }, { sessionsValidAfter: new Date() });
  }

  /** A comment to the couple, added to the assignment's history (never replacing an earlier one). */
  addReviewComment(manager: EntityManager, comment: NewReviewComment): Promise<AssignmentReviewComment> {
    return manager.save(manager.create(AssignmentReviewComment, comment));
  }

  /** The assignment's comments to the couple with their authors' names, oldest first: one statement. */
  async reviewComments(
    clinicId: string,
    assignmentId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<ReviewComment[]> {
    const rows: { id: string; author_name: string; body: string; created_at: Date }[] = await manager.query(
      `SELECT c.id, s.name AS author_name, c.body, c.created_at
       FROM assignment_review_comment c JOIN staff_user s ON s.id = c.author_id
       WHERE c.clinic_id = $1 AND c.assignment_id = $2
       ORDER BY c.created_at, c.id`,
      [clinicId, assignmentId],
    );
    return rows.map((r) => ({
      id: r.id,
      authorName: r.author_name,
      body: r.body,
      createdAt: r.created_at.toISOString(),
    }));
  }

  /** The responses whose partner agreed to email: who is told a reply is waiting. */
  async responsesWithEmailConsent(manager: EntityManager, assignmentId: string): Promise<string[]> {
    const rows: { id: string }[] = await manager.query(
      `SELECT r.id FROM homework_response r JOIN client c ON c.id = r.client_id
       WHERE r.assignment_id = $1 AND c.email_consent ORDER BY c.position`,
      [assignmentId],
    );
    return rows.map((r) => r.id);
  }

  /** Responses with their partner and the state of their link emails, for many assignments: two statements whatever the count. */
  async responsesWithPartners(
    assignmentIds: readonly string[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Map<string, ResponseWithClient[]>> {
    const map = new Map<string, ResponseWithClient[]>();
    if (assignmentIds.length === 0) return map;
    const rows = await manager
      .getRepository(HomeworkResponse)
      .createQueryBuilder('r')
      .innerJoinAndMapOne('r.client', Client, 'c', 'c.id = r.client_id')
      .where('r.assignment_id IN (:...ids)', { ids: assignmentIds })
      .getMany();
    // The send ledger's link emails per response: the latest sent, and whether one waits or failed.
    const ledger: { response_id: string; sent_at: Date | null; pending: boolean; failed: boolean }[] = rows.length
      ? await manager.query(
          `SELECT subject_ids->>'responseId' AS response_id,
                  max(sent_at) FILTER (WHERE status = 'sent') AS sent_at,
                  bool_or(status = 'pending') AS pending,
                  bool_or(status = 'failed') AS failed
           FROM email_delivery
           WHERE template IN ('homework-assigned', 'homework-link')
             AND subject_ids->>'responseId' = ANY($1::text[])
           GROUP BY 1`,
          [rows.map((r) => r.id)],
        )
      : [];
    const byResponse = new Map(ledger.map((s) => [s.response_id, s]));
    for (const row of rows as (HomeworkResponse & { client: Client })[]) {
      const list = map.get(row.assignmentId) ?? [];
      const emails = byResponse.get(row.id);
      list.push({
        response: row,
        client: row.client,
        emailSentAt: emails?.sent_at ?? null,
        emailPending: emails?.pending ?? false,
        emailFailed: emails?.failed ?? false,
      });
      map.set(row.assignmentId, list);
    }
    return map;
  }
}
