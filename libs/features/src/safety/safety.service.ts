import { ConflictException, HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { CoupleSafety } from '@trellis/contracts';
import type { Couple } from '@trellis/data';
import type { SafetyPauseSource } from '@trellis/domain';
import { advanceProgramInTransaction, queueEmailInTransaction, replanRemindersInTransaction } from '@trellis/jobs';
import type { PartnerActor, StaffActor } from '../actor/actor';
import { AuditService } from '../audit/audit.service';
import { sendWaitingCheckIn } from '../check-ins/check-in-send';
import { CouplesRepository } from '../couples/couples.repository';
import { CouplesService } from '../couples/couples.service';
import { ProblemException, validationProblem } from '../http/problem.exception';
import { SafetyRepository } from './safety.repository';
import { SAFETY_NOTE_MAX_LENGTH } from '@trellis/domain';

export interface RaisedBy {
  clinicId: string;
  coupleId: string;
  clientId: string;
  responseId: string;
  source: SafetyPauseSource;
}

/**
 * The couple's safety pause: raised by a partner (in their own transaction), read and lifted by
 * the therapist. Everything here happens on the staff side or to the partner who raised it; the
 * other partner's pages and emails are unchanged (sharing is withheld by `partnerAnswersVisibleTo`,
 * which gets the pause from `sharingPausedSince`).
 */
@Injectable()
export class SafetyService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly safety: SafetyRepository,
    private readonly couples: CouplesService,
    private readonly couplesData: CouplesRepository,
    private readonly audit: AuditService,
  ) {}

  /**
   * A partner does not feel safe: in the caller's transaction, opens (or joins) the couple's pause,
   * records the flag and its audit row, and — only when this opened the pause — queues the
   * therapist's one alert through the email ledger (its key is the pause, so a re-run of the job
   * or a retried transaction can never send a second). Returns when the partner said so.
   */
  async raise(manager: EntityManager, actor: PartnerActor, by: RaisedBy): Promise<Date> {
    const pause = await this.safety.openOrJoin(manager, by.clinicId, by.coupleId);
    const already = pause.opened ? null : await this.safety.flagUnderPause(manager, pause.id, by.responseId);
    const at = already ?? (await this.safety.insertFlag(manager, { ...by, pauseId: pause.id })).createdAt;
    if (pause.opened) {
      await queueEmailInTransaction(manager, {
        clinicId: by.clinicId,
        template: 'safety-alert',
        subjectIds: { pauseId: pause.id },
        idempotencyKey: `safety-alert-${pause.id}`,
      });
      // Joint-homework reminders stop for both partners while the pause is open: the re-plan
      // drops the queued ones (and a reminder already firing re-checks the pause itself).
      await this.replanJointReminders(manager, by.clinicId, by.coupleId);
    }
    await this.audit.record(
      actor,
      {
        action: 'safety.flag',
        outcome: 'success',
        recordType: 'couple',
        recordId: by.coupleId,
        details: { pauseId: pause.id, source: by.source, responseId: by.responseId, opened: pause.opened },
      },
      manager,
    );
    return at;
  }

  private async replanJointReminders(manager: EntityManager, clinicId: string, coupleId: string): Promise<void> {
    const responseIds = await this.safety.openJointResponses(manager, clinicId, coupleId);
    if (responseIds.length) await replanRemindersInTransaction(manager, clinicId, responseIds);
  }

  /** When sharing stopped for this couple (the open pause began), or null: for `partnerAnswersVisibleTo`. */
  async sharingPausedSince(clinicId: string, coupleId: string): Promise<Date | null> {
    return (await this.safety.openPause(this.dataSource, clinicId, coupleId))?.raisedAt ?? null;
  }

  /** When this partner last said this homework does not feel safe (for their own page only). */
  partnerFlagAt(clinicId: string, responseId: string): Promise<Date | null> {
    return this.safety.partnerFlagAt(clinicId, responseId);
  }

  /**
   * New joint homework waits for the therapist while a pause is open: a 409 that says why. Only
   * staff assign homework, so only staff ever read this.
   */
  async refuseJointWorkWhilePaused(
    manager: EntityManager,
    actor: StaffActor,
    couples: readonly Couple[],
  ): Promise<void> {
    const paused = await this.safety.pausedAmong(
      manager,
      actor.staff.clinicId,
      couples.map((c) => c.id),
    );
    const first = couples.find((c) => paused.has(c.id));
    if (!first) return;
    throw new ProblemException(
      HttpStatus.CONFLICT,
      `Joint homework for ${first.displayName} is paused: a partner raised a safety concern. Open the couple's page, record what was done and lift the pause before assigning more.`,
    );
  }

  async view(actor: StaffActor, coupleId: string): Promise<CoupleSafety> {
    return this.audit.read(actor, { action: 'safety.view', recordType: 'couple', recordId: coupleId }, () =>
      this.dataSource.transaction(async (manager) => {
        await this.couples.findVisible(manager, actor.staff, coupleId);
        const safety = await this.safety.coupleSafety(manager, actor.staff.clinicId, coupleId);
        await this.audit.record(
          actor,
          { action: 'safety.view', outcome: 'success', recordType: 'couple', recordId: coupleId },
          manager,
        );
        return safety;
      }),
    );
  }

  /** The therapist records what was done and lifts the pause: sharing and joint homework resume. */
  async lift(actor: StaffActor, coupleId: string, note: string): Promise<CoupleSafety> {
    const text = note.trim();
    if (!text) throw validationProblem([{ field: 'note', message: 'must say what was done' }]);
    if (text.length > SAFETY_NOTE_MAX_LENGTH)
      throw validationProblem([{ field: 'note', message: `must be at most ${SAFETY_NOTE_MAX_LENGTH} characters` }]);
    return this.dataSource.transaction(async (manager) => {
      await this.couples.findVisible(manager, actor.staff, coupleId, true);
      const pause = await this.safety.lockOpenPause(manager, actor.staff.clinicId, coupleId);
      if (!pause) throw new ConflictException('There is no safety pause to lift for this couple.');
      await this.safety.lift(manager, pause.id, actor.staff.id, text);
      // Joint work may go on: the couple's program step that came due meanwhile opens (the job decides).
      await advanceProgramInTransaction(manager, actor.staff.clinicId, coupleId, `lift-${pause.id}`);
      // The open step's check-in held for the partner who raised the pause goes out now.
      for (const checkIn of await this.couplesData.programCheckInsAwaitingEmail(
        manager,
        actor.staff.clinicId,
        coupleId,
        null,
      ))
        await sendWaitingCheckIn(manager, checkIn);
      // Joint homework resumes, and with it each partner's reminders, planned afresh.
      await this.replanJointReminders(manager, actor.staff.clinicId, coupleId);
      await this.audit.record(
        actor,
        {
          action: 'safety.lift',
          outcome: 'success',
          recordType: 'couple',
          recordId: coupleId,
          details: { pauseId: pause.id },
        },
        manager,
      );
      return this.safety.coupleSafety(manager, actor.staff.clinicId, coupleId);
    });
  }
}
