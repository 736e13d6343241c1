import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { SAFETY_CHECK_IN_ANSWER_DAYS, safetyCheckInDue } from '@trellis/domain';
import type { AnonymousActor } from '../actor/actor';
import { AssignmentIssuer } from '../assignments/assignment-issuer';
import { AuditService } from '../audit/audit.service';
import { SafetyCheckInsRepository } from './safety.repository';

const DAY_MS = 24 * 3600 * 1000;
const SYSTEM: AnonymousActor = { kind: 'anonymous', ip: null, userAgent: null, requestId: 'safety-check-in-sweep' };

/**
 * The private safety check-in, sent to each partner on their own: the first as soon as a clinic
 * that sends them has the couple, then every clinic-set interval (`safetyCheckInDue`). It travels
 * the homework path (its own response, link, reminders and page per partner) as homework of kind
 * `safety_check_in`: every prompt is counselor-only and sharing is off, so neither partner ever
 * reads the other's answers, and a concerning answer pauses joint work when it is submitted. It is
 * the built-in check-in or the clinic's own screen, as the clinic settings choose; each check-in
 * keeps the prompts (and so the concerning answers) it was sent with.
 */
@Injectable()
export class SafetyCheckInsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly checkIns: SafetyCheckInsRepository,
    private readonly issuer: AssignmentIssuer,
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
      const exercise = await this.checkIns.checkInExercise(manager, couple.clinicId, couple.screen);
      if (!exercise) throw new Error('The safety check-in is missing from the exercise table: run the migrations');
      const [assignment] = await this.issuer.issue(manager, {
        clinicId: couple.clinicId,
        exercise,
        coupleIds: [coupleId],
        dueAt: new Date(now.getTime() + SAFETY_CHECK_IN_ANSWER_DAYS * DAY_MS),
        message: '',
        // Never shared, whatever happens to the prompts: this is each partner's alone.
        shareAnswersAfterBoth: false,
        assignedBy: couple.therapistId,
      });
      await this.audit.record(
        SYSTEM,
        {
          action: 'safety.check_in_send',
          outcome: 'success',
          recordType: 'assignment',
          recordId: assignment.id,
          details: { coupleId, screen: exercise.clinicId ? 'clinic' : 'built_in', version: exercise.version },
          attributedTo: { clinicId: couple.clinicId, actorId: null, actorType: 'system' },
        },
        manager,
      );
      return true;
    });
  }
}
