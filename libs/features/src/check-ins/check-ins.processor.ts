import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Job, Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { AppConfig } from '@trellis/config';
import {
  JobHandlers,
  JobName,
  JobPayloads,
  planCheckInsInTransaction,
  QUEUE_JOB_OPTIONS,
  QueueName,
  queueEmailInTransaction,
  runJob,
} from '@trellis/jobs';
import { APP_CONFIG } from '../config/config.tokens';
import { checkInReminderKey, firstCheckInEmailKey, queueCheckInEmailAndReminder } from './check-in-send';
import { planCheckInFor } from './check-in-plan';
import { CheckInSchedulesRepository } from './check-in-schedules.repository';
import { CheckInsRepository } from './check-ins.repository';

/** The job that sends one occurrence to one partner: the same occurrence always has the same id. */
export function checkInJobId(scheduleId: string, clientId: string, occurrence: string): string {
  return `check-in-${scheduleId}-${clientId}-${occurrence}`;
}

/** The occurrence a program's check-in step asks: one per step, so each partner answers it once. */
export function programStepOccurrence(stepId: string): string {
  return `program-step-${stepId}`;
}

// A delayed job may fire a moment before its planned time; a plan moved later than this is another job's.
const EARLY_TOLERANCE_MS = 60_000;

/**
 * Check-ins per schedule and partner: planned from the database with planNextCheckIn (so a moved
 * session, a paused couple or a changed schedule simply re-plans), sent as delayed jobs with
 * deterministic ids, and re-planned when they fire: a job whose occurrence is no longer the one
 * due does nothing. The check_in row (one per schedule, partner and occurrence) and the email's
 * ledger key make a job that runs twice send once.
 */
@Processor(QueueName.CheckIns)
export class CheckInsProcessor extends WorkerHost implements OnApplicationBootstrap {
  constructor(
    @InjectQueue(QueueName.CheckIns) private readonly queue: Queue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly schedules: CheckInSchedulesRepository,
    private readonly checkIns: CheckInsRepository,
  ) {
    super();
  }

  onApplicationBootstrap(): void {
    this.worker.concurrency = this.config.worker.concurrency;
  }

  private readonly handlers: JobHandlers<QueueName.CheckIns> = {
    [JobName.PlanCheckIns]: (data) => this.plan(data),
    [JobName.SendCheckIn]: (data) => this.send(data),
    [JobName.RemindCheckIn]: (data) => this.remind(data),
    [JobName.SendProgramCheckIn]: (data) => this.sendProgramStep(data),
  };

  async process(job: Job): Promise<void> {
    return runJob(this.handlers, job);
  }

  private async plan({ coupleId, clinicId }: JobPayloads[JobName.PlanCheckIns]): Promise<void> {
    const [planning, schedules] = await Promise.all([
      this.schedules.planning(clinicId, coupleId),
      this.schedules.listForCouple(clinicId, coupleId),
    ]);
    if (!planning) return;
    const now = new Date();
    for (const schedule of schedules) {
      for (const partner of planning.partners) {
        const plan = planCheckInFor(
          schedule,
          {
            coupleStatus: planning.status,
            nextSessionAt: planning.nextSessionAt === null ? null : new Date(planning.nextSessionAt),
            lastSessionAt: planning.lastSessionAt === null ? null : new Date(planning.lastSessionAt),
            timezone: partner.timezone,
            lastSentOccurrence: partner.lastSent[schedule.id] ?? null,
          },
          now,
        );
        if (!plan) continue;
        const jobId = checkInJobId(schedule.id, partner.id, plan.occurrence);
        // Replaced, not added beside: the same occurrence may now be due at another time (a
        // weekly check-in moved from 09:00 to 10:00). An active job cannot be removed; it re-checks.
        await this.queue.remove(jobId).catch(() => 0);
        await this.queue.add(
          JobName.SendCheckIn,
          { scheduleId: schedule.id, clientId: partner.id, clinicId, occurrence: plan.occurrence },
          {
            ...QUEUE_JOB_OPTIONS[QueueName.CheckIns],
            jobId,
            delay: Math.max(0, plan.sendAt.getTime() - now.getTime()),
          },
        );
      }
    }
  }

  /**
   * The reminder goes through the ledger like the first email; the composer re-checks everything
   * at send time (answered, consent, couple active, link not expired, check-in still there).
   */
  private async remind({ checkInId, clinicId, sendKey }: JobPayloads[JobName.RemindCheckIn]): Promise<void> {
    const followed = sendKey ?? firstCheckInEmailKey(checkInId);
    await this.dataSource.transaction(async (manager) => {
      // Stale: the check-in was sent again later (it waited for consent or a lifted pause); that
      // send planned its own reminder, so one reminder follows the email that went.
      if ((await this.checkIns.latestCheckInEmailKey(manager, clinicId, checkInId)) !== followed) return;
      await queueEmailInTransaction(manager, {
        clinicId,
        template: 'check-in',
        subjectIds: { checkInId, kind: 'reminder' },
        idempotencyKey: checkInReminderKey(followed),
      });
    });
  }

  private async send(data: JobPayloads[JobName.SendCheckIn]): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      // Locked: two runs of the same job (or a plan and a send) see each other's check-in row.
      const facts = await this.checkIns.lockForSend(manager, data.clinicId, data.scheduleId, data.clientId);
      // The schedule was deleted, the partner is not on this couple, the measure was archived.
      if (!facts) return;
      const now = new Date();
      const plan = planCheckInFor(
        facts,
        {
          coupleStatus: facts.coupleStatus,
          nextSessionAt: facts.nextSessionAt === null ? null : new Date(facts.nextSessionAt),
          lastSessionAt: facts.lastSessionAt === null ? null : new Date(facts.lastSessionAt),
          timezone: facts.timezone,
          lastSentOccurrence: facts.lastSentOccurrence,
        },
        now,
      );
      // Stale: already sent, the session moved, was cleared, cancelled or missed, the couple paused,
      // or planned later.
      if (!plan || plan.occurrence !== data.occurrence) return;
      if (plan.sendAt.getTime() > now.getTime() + EARLY_TOLERANCE_MS) return;
      const checkInId = await this.checkIns.insertOnce(manager, {
        facts,
        clientId: data.clientId,
        occurrence: plan.occurrence,
      });
      if (!checkInId) return;
      // Answered already (a schedule deleted and made again): the occurrence counts as sent, silently.
      if (!(await this.checkIns.answered(manager, data.clientId, facts.measureId, plan.occurrence))) {
        await queueCheckInEmailAndReminder(manager, {
          checkInId,
          clinicId: facts.clinicId,
          now,
          timezone: facts.timezone,
          sessionBefore: facts.kind === 'before_session' ? facts.nextSessionAt : null,
        });
      }
      // The next occurrence, now that this one counts as sent.
      await planCheckInsInTransaction(manager, facts.clinicId, facts.coupleId);
    });
  }

  /**
   * A program's check-in step, for one partner: the same check_in row, email, link and reminder as
   * a scheduled occurrence, with the occurrence `program-step-<stepId>`. Re-checked when it fires
   * (the step still open, the path active, the measure not archived); the row's unique
   * (step, partner) and the email's ledger key make a job that runs twice send once. The advance
   * that opened the step planned it out of the partner's quiet hours. The row is made even when the
   * email cannot go (no consent, a safety pause this partner raised, the couple paused): the step
   * waits for both partners, the therapist's path view says why, and consent, the lifted pause or
   * the couple made active again sends it.
   */
  private async sendProgramStep(data: JobPayloads[JobName.SendProgramCheckIn]): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const facts = await this.checkIns.lockProgramStepForSend(
        manager,
        data.clinicId,
        data.programStepId,
        data.clientId,
      );
      if (!facts) return;
      const occurrence = programStepOccurrence(data.programStepId);
      const checkInId = await this.checkIns.insertProgramStepOnce(manager, {
        facts,
        stepId: data.programStepId,
        clientId: data.clientId,
        occurrence,
      });
      if (!checkInId) return;
      if (await this.checkIns.answered(manager, data.clientId, facts.measureId, occurrence)) return;
      // This partner raised a safety pause since the step opened: the row waits (the step still
      // needs their answer); lifting the pause sends it (sendWaitingProgramCheckIns).
      // The couple was paused meanwhile: it waits too, until the couple is active again.
      if (facts.heldBySafetyPause || facts.coupleStatus !== 'active') return;
      await queueCheckInEmailAndReminder(manager, {
        checkInId,
        clinicId: facts.clinicId,
        now: new Date(),
        timezone: facts.timezone,
        sessionBefore: null,
      });
    });
  }
}
