import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { SAFETY_CHECK_IN_ANSWER_DAYS, safetyCheckInDue } from '@trellis/domain';
import { planRemindersJob, queueEmailsAndJobsInTransaction } from '@trellis/jobs';
import type { AnonymousActor } from '../actor/actor';
import { AssignmentsRepository } from '../assignments/assignments.repository';
import { homeworkAssignedEmail } from '../assignments/homework-link-emails';
import { AuditService } from '../audit/audit.service';
import { SafetyCheckInsRepository } from './safety.repository';

const DAY_MS = 24 * 3600 * 1000;
const SYSTEM: AnonymousActor = { kind: 'anonymous', ip: null, userAgent: null, requestId: 'safety-check-in-sweep' };

/**
 * The private safety check-in, sent to each partner on their own: the first as soon as a clinic
 * that sends them has the couple, then every clinic-set interval (`safetyCheckInDue`). It travels
 * the homework path (its own response, link, reminders and page per partner) as homework of kind
 * `safety_check_in`: every prompt is counselor-only and sharing is off, so neither partner ever
 * reads the other's answers, and a concerning answer pauses joint work when it is submitted.
 */
@Injectable()
export class SafetyCheckInsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly checkIns: SafetyCheckInsRepository,
    private readonly assignments: AssignmentsRepository,
    private readonly audit: AuditService,
  ) {}

  /** One sweep: returns how many couples were sent a check-in. Safe to run twice at once. */
  async sendDue(now = new Date()): Promise<number> {
    let sent = 0;
    for (const candidate of await this.checkIns.candidates()) {
      if (!safetyCheckInDue(candidate.lastSentAt, candidate.intervalDays, now)) continue;
      if (await this.sendOne(candidate.coupleId, now)) sent += 1;
    }
    return sent;
  }

  private sendOne(coupleId: string, now: Date): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const couple = await this.checkIns.lockCandidate(manager, coupleId);
      if (!couple || !safetyCheckInDue(couple.lastSentAt, couple.intervalDays, now)) return false;
      const exercise = await this.checkIns.checkInExercise(manager);
      if (!exercise) throw new Error('The safety check-in is missing from the exercise table: run the migrations');
      const [assignment] = await this.assignments.insertAssignments(manager, [
        {
          clinicId: couple.clinicId,
          coupleId,
          exerciseId: exercise.id,
          exerciseVersion: exercise.version,
          kind: 'safety_check_in',
          title: exercise.title,
          strategy: exercise.strategy,
          purpose: exercise.purpose,
          instructions: exercise.instructions,
          prompts: structuredClone(exercise.prompts),
          dueAt: new Date(now.getTime() + SAFETY_CHECK_IN_ANSWER_DAYS * DAY_MS),
          message: '',
          // Never shared, whatever happens to the prompts: this is each partner's alone.
          shareAnswersAfterBoth: false,
          assignedBy: couple.therapistId,
        },
      ]);
      const partners = await this.assignments.partnersOf(manager, [coupleId]);
      const responses = await this.assignments.insertEmptyResponses(
        manager,
        couple.clinicId,
        partners.map((p) => ({ assignmentId: assignment.id, clientId: p.id })),
      );
      const consenting = new Set(partners.filter((p) => p.emailConsent).map((p) => p.id));
      await queueEmailsAndJobsInTransaction(manager, {
        emails: responses
          .filter((r) => consenting.has(r.clientId))
          .map((r) => homeworkAssignedEmail(couple.clinicId, r.id)),
        jobs: responses.map((r) => planRemindersJob(couple.clinicId, r.id)),
      });
      await this.audit.record(
        SYSTEM,
        {
          action: 'safety.check_in_send',
          outcome: 'success',
          recordType: 'assignment',
          recordId: assignment.id,
          details: { coupleId },
          attributedTo: { clinicId: couple.clinicId, actorId: null, actorType: 'system' },
        },
        manager,
      );
      return true;
    });
  }
}
