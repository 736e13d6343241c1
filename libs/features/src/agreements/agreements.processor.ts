import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Job, Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { AppConfig } from '@trellis/config';
import {
  enqueueInTransaction,
  JobHandlers,
  JobName,
  JobPayloads,
  QUEUE_JOB_OPTIONS,
  QueueName,
  queueEmailInTransaction,
  runJob,
} from '@trellis/jobs';
import { agreementReviewReminderWanted, planAgreementReviewReminder } from '@trellis/domain';
import { APP_CONFIG } from '../config/config.tokens';
import { agreementReviewJobId, planReviewFor, weekOfOccurrence } from './agreement-review-plan';
import { AgreementsRepository } from './agreements.repository';

// A delayed job may fire a moment before its planned time; a plan moved later than this is another job's.
const EARLY_TOLERANCE_MS = 60_000;

/**
 * Weekly agreement reviews per partner: planned from the database (rhythm, couple, clinic zone),
 * sent as delayed jobs with deterministic ids (partner + week), and re-checked when they fire: a
 * changed rhythm, a discharged couple or a week already sent makes a job do nothing. A paused
 * couple, or a partner who said they feel unsafe under a pause still open, gets nothing that week, and the next week is planned all the same.
 * The request row (one per partner and week) and the email's ledger key make a twice-run job send once.
 * A review sent is reminded once, a day later out of the partner's quiet hours, if still unanswered.
 */
@Processor(QueueName.Agreements)
export class AgreementsProcessor extends WorkerHost implements OnApplicationBootstrap {
  constructor(
    @InjectQueue(QueueName.Agreements) private readonly queue: Queue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly agreements: AgreementsRepository,
  ) {
    super();
  }

  onApplicationBootstrap(): void {
    this.worker.concurrency = this.config.worker.concurrency;
  }

  private readonly handlers: JobHandlers<QueueName.Agreements> = {
    [JobName.PlanAgreementReviews]: (data) => this.plan(data),
    [JobName.SendAgreementReview]: (data) => this.send(data),
    [JobName.RemindAgreementReview]: (data) => this.remind(data),
  };

  async process(job: Job): Promise<void> {
    return runJob(this.handlers, job);
  }

  private async plan({ coupleId, clinicId }: JobPayloads[JobName.PlanAgreementReviews]): Promise<void> {
    const planning = await this.agreements.planning(this.dataSource.manager, clinicId, coupleId);
    if (!planning) return;
    const now = new Date();
    for (const partner of planning.partners) {
      const plan = planReviewFor(
        planning.rhythm,
        { status: planning.status, timezone: planning.timezone, lastSentWeek: partner.lastSentWeek },
        now,
      );
      if (!plan) continue;
      const jobId = agreementReviewJobId(partner.id, plan.occurrence);
      // Replaced, not added beside: the same week may now be due at another time (18:00 moved to
      // 19:00). An active job cannot be removed; it re-checks when it runs.
      await this.queue.remove(jobId).catch(() => 0);
      await this.queue.add(
        JobName.SendAgreementReview,
        { coupleId, clientId: partner.id, clinicId, occurrence: plan.occurrence },
        {
          ...QUEUE_JOB_OPTIONS[QueueName.Agreements],
          jobId,
          delay: Math.max(0, plan.sendAt.getTime() - now.getTime()),
        },
      );
    }
  }

  /**
   * One gentle reminder: queued only while `agreementReviewReminderWanted` holds (unanswered, its
   * link still working, consent, the couple active, not held by their own safety flag), and the composer asks again
   * when it sends. The ledger's key makes a twice-run job send once.
   */
  private async remind({ reviewRequestId, clinicId }: JobPayloads[JobName.RemindAgreementReview]): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const facts = await this.agreements.reviewReminderFacts(manager, reviewRequestId, clinicId);
      if (!facts || !agreementReviewReminderWanted({ ...facts, now: new Date() })) return;
      await queueEmailInTransaction(manager, {
        clinicId,
        template: 'agreement-review',
        subjectIds: { agreementReviewId: reviewRequestId, kind: 'reminder' },
        idempotencyKey: `agreement-review-reminder-${reviewRequestId}`,
      });
    });
  }

  private async send(data: JobPayloads[JobName.SendAgreementReview]): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      // Locked: two runs of the same job (or a rhythm change) see each other's request row.
      const facts = await this.agreements.lockForSend(manager, data.clinicId, data.coupleId, data.clientId);
      // The rhythm was turned off, or the partner is not on this couple.
      if (!facts) return;
      const now = new Date();
      const plan = planReviewFor(facts.rhythm, facts, now);
      // Stale: already sent, the rhythm changed, the couple discharged, or planned later.
      if (!plan || plan.occurrence !== data.occurrence) return;
      if (plan.sendAt.getTime() > now.getTime() + EARLY_TOLERANCE_MS) return;
      const weekOf = weekOfOccurrence(plan.occurrence);
      const deliverable = facts.status === 'active' && !facts.flaggedUnsafe && facts.activeAgreements > 0;
      if (deliverable) {
        const requestId = await this.agreements.insertRequestOnce(manager, {
          clinicId: data.clinicId,
          coupleId: data.coupleId,
          clientId: data.clientId,
          weekOf,
        });
        if (!requestId) return;
        await queueEmailInTransaction(manager, {
          clinicId: data.clinicId,
          template: 'agreement-review',
          subjectIds: { agreementReviewId: requestId },
          idempotencyKey: `agreement-review-${requestId}`,
        });
        const remindAt = planAgreementReviewReminder({ sentAt: now, timezone: facts.clientTimezone });
        if (remindAt)
          await enqueueInTransaction(manager, {
            name: JobName.RemindAgreementReview,
            data: { reviewRequestId: requestId, clinicId: data.clinicId },
            jobId: `agreement-review-reminder-${requestId}`,
            runAt: remindAt,
          });
      }
      // The next week, planned from this one whether or not it went out (paused: skipped, not late).
      const next = planReviewFor(facts.rhythm, { ...facts, lastSentWeek: weekOf }, now);
      if (!next) return;
      await enqueueInTransaction(manager, {
        name: JobName.SendAgreementReview,
        data: {
          coupleId: data.coupleId,
          clientId: data.clientId,
          clinicId: data.clinicId,
          occurrence: next.occurrence,
        },
        jobId: agreementReviewJobId(data.clientId, next.occurrence),
        runAt: next.sendAt,
      });
    });
  }
}
