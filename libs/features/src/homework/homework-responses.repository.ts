import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Assignment, Client, Clinic, Couple, Exercise, HomeworkResponse, StaffUser } from '@trellis/data';
import { type AnswerMap, type PartnerRole, partnerRoleOf } from '@trellis/domain';

/** A partner's response and the assignment it answers. */
export interface PartnerHomework {
  response: HomeworkResponse;
  assignment: Assignment;
}

/** Everything else the homework page shows, read at once. */
export interface HomeworkPageRows {
  client: Client;
  clinic: Clinic;
  therapist: StaffUser;
  /** Both partners' responses to the assignment (this one included). */
  assignmentResponses: HomeworkResponse[];
  exercise: Exercise | null;
}

export interface AnswersWrite {
  answers: AnswerMap;
  startedAt: Date;
  savedAt: Date;
}

/** An open homework a fresh link can be emailed for. */
export interface OpenHomework {
  responseId: string;
  clinicId: string;
}

/**
 * The homework response aggregate (one partner's answers to one assignment, and that partner's
 * link): where the homework feature's SQL lives. Reads that also run inside a transaction, and
 * every write, take the caller's EntityManager.
 */
@Injectable()
export class HomeworkResponsesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The response a link opens, if the link is live and its assignment not cancelled. */
  findByActiveLink(manager: EntityManager, linkTokenHash: string): Promise<HomeworkResponse | null> {
    return manager
      .getRepository(HomeworkResponse)
      .createQueryBuilder('r')
      .innerJoin(Assignment, 'a', 'a.id = r.assignment_id')
      .where('r.link_token_hash = :hash', { hash: linkTokenHash })
      .andWhere('r.link_revoked_at IS NULL')
      .andWhere('r.link_expires_at > now()')
      .andWhere('a.cancelled_at IS NULL')
      .getOne();
  }

  /** The partner's and the clinic's names, read side by side. */
  async greetingNames(clientId: string, clinicId: string): Promise<{ clientName: string; clinicName: string }> {
    const [client, clinic] = await Promise.all([
      this.dataSource.getRepository(Client).findOneByOrFail({ id: clientId }),
      this.dataSource.getRepository(Clinic).findOneByOrFail({ id: clinicId }),
    ]);
    return { clientName: client.name, clinicName: clinic.name };
  }

  async recordLinkUse(
    manager: EntityManager,
    responseId: string,
    use: { openedAt: Date; usedAt: Date },
  ): Promise<void> {
    await manager.update(
      HomeworkResponse,
      { id: responseId },
      { linkOpenedAt: use.openedAt, linkLastUsedAt: use.usedAt },
    );
  }

  /**
   * Open homework of every partner with this address and email consent: not submitted, not
   * cancelled, couple not discharged. At most 20.
   */
  async openForEmail(manager: EntityManager, email: string): Promise<OpenHomework[]> {
    const rows: { id: string; clinic_id: string }[] = await manager.query(
      `SELECT r.id, r.clinic_id
       FROM homework_response r
       JOIN client c ON c.id = r.client_id
       JOIN assignment a ON a.id = r.assignment_id
       JOIN couple cp ON cp.id = a.couple_id
       WHERE lower(c.email) = lower($1) AND c.email_consent AND r.submitted_at IS NULL
         AND a.cancelled_at IS NULL AND cp.status <> 'discharged'
         -- A link the therapist revoked stays revoked: only the therapist's resend gives a new one.
         AND r.link_revoked_at IS NULL
       LIMIT 20`,
      [email],
    );
    return rows.map((r) => ({ responseId: r.id, clinicId: r.clinic_id }));
  }

  /** The response and its assignment; null when there is no such response. */
  findWithAssignment(manager: EntityManager, responseId: string): Promise<PartnerHomework | null> {
    return this.withAssignment(manager, responseId, false);
  }

  /** The same, the response's row locked until the caller's transaction ends. */
  lockWithAssignment(manager: EntityManager, responseId: string): Promise<PartnerHomework | null> {
    return this.withAssignment(manager, responseId, true);
  }

  private async withAssignment(
    manager: EntityManager,
    responseId: string,
    lock: boolean,
  ): Promise<PartnerHomework | null> {
    const response = await manager.findOne(HomeworkResponse, {
      where: { id: responseId },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!response) return null;
    const assignment = await manager.findOneByOrFail(Assignment, { id: response.assignmentId });
    return { response, assignment };
  }

  /** Five reads side by side, then the therapist (named by the couple). */
  async pageRows({ response, assignment }: PartnerHomework): Promise<HomeworkPageRows> {
    const manager = this.dataSource.manager;
    const [client, clinic, couple, assignmentResponses, exercise] = await Promise.all([
      manager.findOneByOrFail(Client, { id: response.clientId }),
      manager.findOneByOrFail(Clinic, { id: response.clinicId }),
      manager.findOneByOrFail(Couple, { id: assignment.coupleId }),
      manager.find(HomeworkResponse, { where: { assignmentId: assignment.id } }),
      manager.findOneBy(Exercise, { id: assignment.exerciseId }),
    ]);
    const therapist = await manager.findOneByOrFail(StaffUser, { id: couple.therapistId });
    return { client, clinic, therapist, assignmentResponses, exercise };
  }

  /** The partner's role as the therapist recorded it, read in the caller's transaction. */
  async partnerRole(manager: EntityManager, clientId: string): Promise<PartnerRole> {
    const client = await manager.findOne(Client, { where: { id: clientId }, select: { role: true } });
    return partnerRoleOf(client?.role);
  }

  async clientName(clientId: string): Promise<string> {
    return (await this.dataSource.manager.findOneByOrFail(Client, { id: clientId })).name;
  }

  async saveDraft(manager: EntityManager, responseId: string, write: AnswersWrite): Promise<void> {
    await manager.update(
      HomeworkResponse,
      { id: responseId },
      { answers: write.answers, startedAt: write.startedAt, lastSavedAt: write.savedAt },
    );
  }

  async submit(manager: EntityManager, responseId: string, write: AnswersWrite): Promise<void> {
    await manager.update(
      HomeworkResponse,
      { id: responseId },
      { answers: write.answers, startedAt: write.startedAt, lastSavedAt: write.savedAt, submittedAt: write.savedAt },
    );
  }

  /** The couple's last activity, which the caseload shows and sorts by. */
  async recordCoupleActivity(manager: EntityManager, coupleId: string, at: Date): Promise<void> {
    await manager.update(Couple, { id: coupleId }, { lastActivityAt: at });
  }
}
