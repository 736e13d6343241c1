import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { CoupleProgram, CoupleProgramStep } from '@trellis/data';
import { DEFAULT_QUIET_END_HOUR, DEFAULT_QUIET_START_HOUR, nextProgramMove, outOfQuietHours } from '@trellis/domain';
import { enqueueInTransaction, JobName } from '@trellis/jobs';
import type { Actor, AnonymousActor } from '../actor/actor';
import { AssignmentIssuer } from '../assignments/assignment-issuer';
import { AuditService } from '../audit/audit.service';
import { ProgramsRepository } from './programs.repository';

const DAY_MS = 24 * 3600 * 1000;
const SYSTEM: AnonymousActor = { kind: 'anonymous', ip: null, userAgent: null, requestId: 'program-advance' };

/**
 * Moves a couple along its path: re-reads the enrolment (locked, so two advances of one couple
 * take turns), the couple's state and what happened to the open step, asks the domain rule
 * (`nextProgramMove`) what to do, and does it. An open safety pause holds every step; while a
 * safety concern is open (a lifted pause whose check-in is still concerning) a coercion-sensitive
 * step is held too, until the concern closes (a calm check-in queues an advance). The second of
 * two racing advances finds the next step already open and does nothing; the one-open-step index
 * backs that up. Used by the job (after a submission, review, session or check-in) and by the
 * therapist's own actions (enrol, skip, resume).
 */
@Injectable()
export class ProgramAdvancer {
  constructor(
    private readonly programs: ProgramsRepository,
    private readonly issuer: AssignmentIssuer,
    private readonly audit: AuditService,
  ) {}

  /** Returns the step it opened, if any. */
  async advance(
    manager: EntityManager,
    clinicId: string,
    coupleId: string,
    actor: Actor = SYSTEM,
  ): Promise<CoupleProgramStep | null> {
    const enrolment = await this.programs.currentEnrolment(manager, clinicId, coupleId, true);
    if (!enrolment) return null;
    const couple = await this.programs.coupleGate(manager, clinicId, coupleId);
    if (!couple) return null;
    const steps = await this.programs.steps(manager, enrolment.id);
    const exercises = await this.programs.stepExercises(manager, enrolment.id);
    const open = steps.find((s) => s.status === 'open') ?? null;
    const facts = open ? await this.programs.openStepFacts(manager, open, coupleId) : null;
    const move = nextProgramMove(
      { ...couple, enrolmentStatus: enrolment.status },
      steps.map((s) => ({ ...s, coercionSensitive: exercises.get(s.id)?.coercionSensitive ?? false })),
      facts,
    );
    if (move.kind === 'wait') return null;
    const now = new Date();
    const finished = move.finish === null ? null : steps.find((s) => s.position === move.finish);
    if (finished) await this.programs.setStep(manager, finished.id, { status: 'done', finishedAt: now });
    if (move.kind === 'complete') {
      await this.programs.setEnrolmentStatus(manager, enrolment.id, 'completed');
      return null;
    }
    const next = steps.find((s) => s.position === move.open);
    if (!next) return null;
    return this.open(manager, enrolment, next, couple.therapistId, now, actor);
  }

  /**
   * The path was resumed: an open check-in step whose send came due while it was paused found the
   * path not active and made nothing (lockProgramStepForSend), and nothing else would send it. Its
   * missing check-ins go out now through the same jobs as when the step opened, under new ids (the
   * first jobs are kept, completed, and a re-add of their ids would be ignored); the worker's
   * one-row-per-partner insert and the email's ledger key keep it to one check-in and one email,
   * even beside a first job still waiting for quiet hours. Returns how many sends were queued.
   */
  async sendMissedCheckIns(manager: EntityManager, clinicId: string, coupleId: string): Promise<number> {
    const enrolment = await this.programs.currentEnrolment(manager, clinicId, coupleId, true);
    if (!enrolment || enrolment.status !== 'active') return 0;
    const open = (await this.programs.steps(manager, enrolment.id)).find((s) => s.status === 'open');
    if (!open || open.kind !== 'check_in') return 0;
    const partners = await this.programs.partnersWithoutStepCheckIn(manager, coupleId, open.id);
    await this.queueCheckInSends(manager, clinicId, open.id, partners, new Date(), `-resumed-${randomUUID()}`);
    return partners.length;
  }

  private async queueCheckInSends(
    manager: EntityManager,
    clinicId: string,
    stepId: string,
    partners: readonly { id: string; timezone: string }[],
    now: Date,
    jobIdSuffix: string,
  ): Promise<void> {
    for (const partner of partners) {
      await enqueueInTransaction(manager, {
        name: JobName.SendProgramCheckIn,
        data: { programStepId: stepId, clientId: partner.id, clinicId },
        jobId: `program-check-in-${stepId}-${partner.id}${jobIdSuffix}`,
        runAt: new Date(
          outOfQuietHours(now.getTime(), partner.timezone, {
            start: DEFAULT_QUIET_START_HOUR,
            end: DEFAULT_QUIET_END_HOUR,
          }),
        ),
      });
    }
  }

  private async open(
    manager: EntityManager,
    enrolment: CoupleProgram,
    step: CoupleProgramStep,
    therapistId: string,
    now: Date,
    actor: Actor,
  ): Promise<CoupleProgramStep> {
    // Open first: the one-open-step index refuses a second open step before any homework exists.
    await this.programs.setStep(manager, step.id, { status: 'open', openedAt: now });
    let assignmentId: string | null = null;
    if (step.kind === 'exercise' && step.exerciseId) {
      const exercise = await this.programs.exercise(manager, step.exerciseId);
      if (!exercise) throw new Error(`program step ${step.id} names a missing exercise`);
      const [assignment] = await this.issuer.issue(manager, {
        clinicId: enrolment.clinicId,
        exercise,
        coupleIds: [enrolment.coupleId],
        dueAt: new Date(now.getTime() + step.dueInDays * DAY_MS),
        message: '',
        // Each partner's answers stay their own unless the therapist shares them later.
        shareAnswersAfterBoth: false,
        assignedBy: therapistId,
        extra: { programStepId: step.id },
      });
      assignmentId = assignment.id;
      await this.programs.setStep(manager, step.id, { assignmentId });
    }
    if (step.kind === 'check_in') {
      // Through the check-ins worker (CheckInsProcessor): the same row, link, email, consent and
      // reminder as a scheduled check-in, sent out of each partner's quiet hours. One job per
      // partner with a deterministic id; the step opens once, and the worker sends once.
      const partners = await this.programs.partners(manager, enrolment.coupleId);
      await this.queueCheckInSends(manager, enrolment.clinicId, step.id, partners, now, '');
    }
    await this.audit.record(
      actor,
      {
        action: 'couple_program.step_open',
        outcome: 'success',
        recordType: 'couple_program_step',
        recordId: step.id,
        details: { coupleId: enrolment.coupleId, assignmentId },
        ...(actor.kind === 'anonymous'
          ? { attributedTo: { clinicId: enrolment.clinicId, actorId: null, actorType: 'system' as const } }
          : {}),
      },
      manager,
    );
    return { ...step, status: 'open', openedAt: now, assignmentId };
  }
}
