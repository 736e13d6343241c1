import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Assignment, Exercise } from '@trellis/data';
import { planRemindersJob, queueEmailsAndJobsInTransaction } from '@trellis/jobs';
import { AssignmentsRepository, type NewAssignment } from './assignments.repository';
import { homeworkAssignedEmail } from './homework-link-emails';

/** What makes one exercise homework for some couples; the exercise's content is frozen from it. */
export interface HomeworkToIssue {
  clinicId: string;
  exercise: Pick<Exercise, 'id' | 'version' | 'title' | 'strategy' | 'purpose' | 'instructions' | 'prompts' | 'kind'>;
  coupleIds: readonly string[];
  dueAt: Date;
  message: string;
  shareAnswersAfterBoth: boolean;
  /** The therapist the homework is from (also when a job issues it on their behalf). */
  assignedBy: string;
  /** Columns a caller adds to every row it issues (a series or a program step, say). */
  extra?: Partial<Omit<Assignment, keyof NewAssignment | 'id'>>;
  /**
   * Columns that differ by couple, winning over the shared ones: homework due before each
   * couple's own next session has its own due date and session.
   */
  perCouple?: ReadonlyMap<string, Pick<Assignment, 'dueAt' | 'dueSessionId' | 'dueHoursBeforeSession'>>;
}

/**
 * The one way homework comes into being, whoever asks (a therapist, a recurring series, a program
 * step, the safety check-in sweep): the assignment with the exercise's content frozen, an empty
 * response per partner, a link email for each partner who consented, and every response's
 * reminder plan — all in the caller's transaction, in a fixed number of statements however many
 * couples. Authorization, validation and the audit row are the caller's: they differ by who asks.
 */
@Injectable()
export class AssignmentIssuer {
  constructor(private readonly assignments: AssignmentsRepository) {}

  async issue(manager: EntityManager, homework: HomeworkToIssue): Promise<Assignment[]> {
    const { exercise } = homework;
    const assignments = await this.assignments.insertAssignments(
      manager,
      homework.coupleIds.map((coupleId) => ({
        clinicId: homework.clinicId,
        coupleId,
        exerciseId: exercise.id,
        exerciseVersion: exercise.version,
        kind: exercise.kind,
        title: exercise.title,
        strategy: exercise.strategy,
        purpose: exercise.purpose,
        instructions: exercise.instructions,
        // Frozen: later edits to the exercise never change what this couple was given.
        prompts: structuredClone(exercise.prompts),
        dueAt: homework.dueAt,
        message: homework.message,
        shareAnswersAfterBoth: homework.shareAnswersAfterBoth,
        assignedBy: homework.assignedBy,
        ...homework.extra,
        ...homework.perCouple?.get(coupleId),
      })),
    );
    const clients = await this.assignments.partnersOf(manager, homework.coupleIds);
    const responses = await this.assignments.insertEmptyResponses(
      manager,
      homework.clinicId,
      assignments.flatMap((a) =>
        clients.filter((c) => c.coupleId === a.coupleId).map((c) => ({ assignmentId: a.id, clientId: c.id })),
      ),
    );
    // Each partner with email consent gets their own link (sent by the worker after commit).
    const consenting = new Set(clients.filter((c) => c.emailConsent).map((c) => c.id));
    await queueEmailsAndJobsInTransaction(manager, {
      emails: responses
        .filter((r) => consenting.has(r.clientId))
        .map((r) => homeworkAssignedEmail(homework.clinicId, r.id)),
      jobs: responses.map((r) => planRemindersJob(homework.clinicId, r.id)),
    });
    return assignments;
  }
}
