import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, IsNull } from 'typeorm';
import type { AssignmentDetail, AssignmentSummary, SessionUser } from '@trellis/contracts';
import { Assignment, Client, Couple, Exercise, HomeworkResponse } from '@trellis/data';
import {
  EmailRequest,
  planRemindersJob,
  queueEmailsAndJobsInTransaction,
  queueEmailInTransaction,
  replanRemindersInTransaction,
} from '@trellis/jobs';
import { randomUUID } from 'node:crypto';
import type { StaffActor } from '../actor/actor';
import { AuditService } from '../audit/audit.service';
import { CouplesService } from '../couples/couples.service';
import { validationProblem } from '../http/problem.exception';
import { CreateAssignmentsDto, ReviewAssignmentDto, UpdateAssignmentDto } from './assignment.dto';
import { ResponseWithClient, toDetail, toSummary } from './assignment.view';
import { AssignmentsRepository } from './assignments.repository';

function futureDate(value: string, field: string): Date {
  const date = new Date(value);
  if (date.getTime() <= Date.now()) throw validationProblem([{ field, message: 'must be in the future' }]);
  return date;
}

/** A partner's first email for new homework: one per response, however often it is asked for. */
function homeworkAssignedEmail(clinicId: string, responseId: string): EmailRequest {
  return {
    clinicId,
    template: 'homework-assigned',
    subjectIds: { responseId },
    idempotencyKey: `homework-assigned-${responseId}`,
  };
}

/** Homework: assigning (frozen prompts, one response per partner), rescheduling, cancelling, reviewing. */
@Injectable()
export class AssignmentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly couples: CouplesService,
    private readonly audit: AuditService,
    private readonly assignments: AssignmentsRepository,
  ) {}

  /** One exercise to one or many couples, all or nothing. */
  async create(actor: StaffActor, dto: CreateAssignmentsDto): Promise<AssignmentSummary[]> {
    const user = actor.staff;
    const dueAt = futureDate(dto.dueAt, 'dueAt');
    return this.dataSource.transaction(async (manager) => {
      const exercise = await manager.findOne(Exercise, {
        where: [
          { id: dto.exerciseId, clinicId: IsNull() },
          { id: dto.exerciseId, clinicId: user.clinicId, archivedAt: IsNull() },
        ],
      });
      if (!exercise) throw validationProblem([{ field: 'exerciseId', message: 'must be an exercise in your library' }]);
      const couples: Couple[] = [];
      for (const coupleId of dto.coupleIds) couples.push(await this.couples.findVisible(manager, user, coupleId, true));
      const inactive = couples.find((c) => c.status !== 'active');
      if (inactive)
        throw new ConflictException(
          `${inactive.displayName} is ${inactive.status}: reactivate the couple to assign homework.`,
        );

      const assignments = await manager.save(
        couples.map((couple) =>
          manager.create(Assignment, {
            clinicId: user.clinicId,
            coupleId: couple.id,
            exerciseId: exercise.id,
            exerciseVersion: exercise.version,
            title: exercise.title,
            strategy: exercise.strategy,
            purpose: exercise.purpose,
            instructions: exercise.instructions,
            // Frozen: later edits to the exercise never change what this couple was given.
            prompts: structuredClone(exercise.prompts),
            dueAt,
            message: dto.message ?? '',
            shareAnswersAfterBoth: dto.shareAnswersAfterBoth ?? false,
            assignedBy: user.id,
          }),
        ),
      );
      const clients = await manager.findBy(Client, { coupleId: In(couples.map((c) => c.id)) });
      const responses = await this.assignments.insertEmptyResponses(
        manager,
        user.clinicId,
        assignments.flatMap((a) =>
          clients.filter((c) => c.coupleId === a.coupleId).map((c) => ({ assignmentId: a.id, clientId: c.id })),
        ),
      );
      // Each partner with email consent gets their own link (sent by the worker after commit), and
      // every response its reminder plan: one more statement, however many couples.
      const consenting = new Set(clients.filter((c) => c.emailConsent).map((c) => c.id));
      await queueEmailsAndJobsInTransaction(manager, {
        emails: responses
          .filter((r) => consenting.has(r.clientId))
          .map((r) => homeworkAssignedEmail(user.clinicId, r.id)),
        jobs: responses.map((r) => planRemindersJob(user.clinicId, r.id)),
      });
      await manager.update(Couple, { id: In(couples.map((c) => c.id)) }, { lastActivityAt: new Date() });
      for (const a of assignments) {
        await this.audit.record(
          actor,
          {
            action: 'assignment.create',
            outcome: 'success',
            recordType: 'assignment',
            recordId: a.id,
            details: { coupleId: a.coupleId, exerciseId: exercise.id },
          },
          manager,
        );
      }
      return this.summaries(manager, assignments);
    });
  }

  async listForCouple(actor: StaffActor, coupleId: string): Promise<AssignmentSummary[]> {
    await this.couples.findVisible(this.dataSource.manager, actor.staff, coupleId);
    const assignments = await this.dataSource
      .getRepository(Assignment)
      .find({ where: { coupleId, clinicId: actor.staff.clinicId }, order: { dueAt: 'DESC' } });
    await this.audit.record(actor, {
      action: 'assignment.list',
      outcome: 'success',
      recordType: 'couple',
      recordId: coupleId,
    });
    return this.summaries(this.dataSource.manager, assignments);
  }

  async get(actor: StaffActor, id: string): Promise<AssignmentDetail> {
    const assignment = await this.findVisible(this.dataSource.manager, actor.staff, id);
    const responses = await this.responses(this.dataSource.manager, [assignment.id]);
    await this.audit.record(actor, {
      action: 'assignment.view',
      outcome: 'success',
      recordType: 'assignment',
      recordId: id,
    });
    return toDetail(assignment, responses.get(assignment.id) ?? []);
  }

  async update(actor: StaffActor, id: string, dto: UpdateAssignmentDto): Promise<AssignmentDetail> {
    await this.dataSource.transaction(async (manager) => {
      const assignment = await this.findVisible(manager, actor.staff, id, true);
      if (assignment.cancelledAt) throw new ConflictException('This homework was cancelled.');
      const changes: Partial<Assignment> = {};
      if (dto.dueAt !== undefined) changes.dueAt = futureDate(dto.dueAt, 'dueAt');
      if (dto.message !== undefined) changes.message = dto.message;
      if (Object.keys(changes).length === 0) return;
      await manager.update(Assignment, { id }, changes);
      if (changes.dueAt) await this.replan(manager, actor.staff.clinicId, id);
      await this.audit.record(
        actor,
        {
          action: 'assignment.update',
          outcome: 'success',
          recordType: 'assignment',
          recordId: id,
          details: { fields: Object.keys(changes).join(',') },
        },
        manager,
      );
    });
    return this.get(actor, id);
  }

  async cancel(actor: StaffActor, id: string): Promise<AssignmentDetail> {
    await this.dataSource.transaction(async (manager) => {
      const assignment = await this.findVisible(manager, actor.staff, id, true);
      if (assignment.cancelledAt) throw new ConflictException('This homework is already cancelled.');
      await manager.update(Assignment, { id }, { cancelledAt: new Date() });
      await this.replan(manager, actor.staff.clinicId, id);
      await this.audit.record(
        actor,
        { action: 'assignment.cancel', outcome: 'success', recordType: 'assignment', recordId: id },
        manager,
      );
    });
    return this.get(actor, id);
  }

  async review(actor: StaffActor, id: string, dto: ReviewAssignmentDto): Promise<AssignmentDetail> {
    await this.dataSource.transaction(async (manager) => {
      const assignment = await this.findVisible(manager, actor.staff, id, true);
      if (assignment.cancelledAt) throw new ConflictException('This homework was cancelled.');
      const unsubmitted = await manager.count(HomeworkResponse, { where: { assignmentId: id, submittedAt: IsNull() } });
      const total = await manager.count(HomeworkResponse, { where: { assignmentId: id } });
      if (unsubmitted === total) throw new ConflictException('Neither partner has submitted yet.');
      await manager.update(
        Assignment,
        { id },
        { reviewedAt: new Date(), reviewedBy: actor.staff.id, reviewComment: dto.comment?.trim() || null },
      );
      await manager.update(Couple, { id: assignment.coupleId }, { lastActivityAt: new Date() });
      await this.audit.record(
        actor,
        { action: 'assignment.review', outcome: 'success', recordType: 'assignment', recordId: id },
        manager,
      );
    });
    return this.get(actor, id);
  }

  private async replan(manager: EntityManager, clinicId: string, assignmentId: string): Promise<void> {
    const responses = await manager.find(HomeworkResponse, { where: { assignmentId }, select: { id: true } });
    await replanRemindersInTransaction(
      manager,
      clinicId,
      responses.map((r) => r.id),
    );
  }

  /** Sends the partner a fresh link; minting it (in the worker) invalidates the old one. */
  async resendLink(actor: StaffActor, id: string, clientId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const { assignment, response, client } = await this.partnerResponse(manager, actor.staff, id, clientId);
      if (response.submittedAt) throw new ConflictException('This partner has already submitted.');
      if (!client.emailConsent)
        throw new ConflictException('This partner has not agreed to receive email: update their consent first.');
      await queueEmailInTransaction(manager, {
        clinicId: actor.staff.clinicId,
        template: 'homework-link',
        subjectIds: { responseId: response.id },
        idempotencyKey: `homework-link-${response.id}-${randomUUID()}`,
      });
      await this.audit.record(
        actor,
        {
          action: 'homework.link_resend',
          outcome: 'success',
          recordType: 'homework_response',
          recordId: response.id,
          details: { assignmentId: assignment.id },
        },
        manager,
      );
    });
  }

  /** Stops the partner's current link at once. */
  async revokeLink(actor: StaffActor, id: string, clientId: string): Promise<AssignmentDetail> {
    await this.dataSource.transaction(async (manager) => {
      const { assignment, response } = await this.partnerResponse(manager, actor.staff, id, clientId);
      await manager.update(HomeworkResponse, { id: response.id }, { linkRevokedAt: new Date(), linkTokenHash: null });
      await replanRemindersInTransaction(manager, actor.staff.clinicId, [response.id]);
      await this.audit.record(
        actor,
        {
          action: 'homework.link_revoke',
          outcome: 'success',
          recordType: 'homework_response',
          recordId: response.id,
          details: { assignmentId: assignment.id },
        },
        manager,
      );
    });
    return this.get(actor, id);
  }

  private async partnerResponse(manager: EntityManager, user: SessionUser, id: string, clientId: string) {
    const assignment = await this.findVisible(manager, user, id, true);
    if (assignment.cancelledAt) throw new ConflictException('This homework was cancelled.');
    const response = await manager.findOneBy(HomeworkResponse, { assignmentId: assignment.id, clientId });
    const client = response ? await manager.findOneBy(Client, { id: clientId }) : null;
    if (!response || !client) throw new NotFoundException('No such partner on this homework.');
    return { assignment, response, client };
  }

  /** The assignment if its couple is visible to this person, else 404. */
  private async findVisible(manager: EntityManager, user: SessionUser, id: string, lock = false): Promise<Assignment> {
    const assignment = await manager.findOne(Assignment, {
      where: { id, clinicId: user.clinicId },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!assignment) throw new NotFoundException('No such homework.');
    await this.couples.findVisible(manager, user, assignment.coupleId).catch(() => {
      throw new NotFoundException('No such homework.');
    });
    return assignment;
  }

  /** Responses with their partner for many assignments: one query whatever the count. */
  private async responses(manager: EntityManager, assignmentIds: string[]): Promise<Map<string, ResponseWithClient[]>> {
    const map = new Map<string, ResponseWithClient[]>();
    if (assignmentIds.length === 0) return map;
    const rows = await manager
      .getRepository(HomeworkResponse)
      .createQueryBuilder('r')
      .innerJoinAndMapOne('r.client', Client, 'c', 'c.id = r.client_id')
      .where('r.assignment_id IN (:...ids)', { ids: assignmentIds })
      .getMany();
    const sent: { response_id: string; sent_at: Date }[] = rows.length
      ? await manager.query(
          `SELECT subject_ids->>'responseId' AS response_id, max(sent_at) AS sent_at
           FROM email_delivery
           WHERE template IN ('homework-assigned', 'homework-link') AND status = 'sent'
             AND subject_ids->>'responseId' = ANY($1::text[])
           GROUP BY 1`,
          [rows.map((r) => r.id)],
        )
      : [];
    const sentAt = new Map(sent.map((s) => [s.response_id, s.sent_at]));
    for (const row of rows as (HomeworkResponse & { client: Client })[]) {
      const list = map.get(row.assignmentId) ?? [];
      list.push({ response: row, client: row.client, emailSentAt: sentAt.get(row.id) ?? null });
      map.set(row.assignmentId, list);
    }
    return map;
  }

  private async summaries(manager: EntityManager, assignments: Assignment[]): Promise<AssignmentSummary[]> {
    const responses = await this.responses(
      manager,
      assignments.map((a) => a.id),
    );
    return assignments.map((a) => toSummary(a, responses.get(a.id) ?? []));
  }
}
