import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Job, Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { AppConfig } from '@trellis/config';
import {
  JobHandlers,
  JobName,
  JobPayloads,
  QUEUE_JOB_OPTIONS,
  QueueName,
  queueEmailInTransaction,
  runJob,
} from '@trellis/jobs';
import { APP_CONFIG } from '../config/config.tokens';
import { DigestBuilder } from './digest-builder';
import { DigestSourcesRepository } from './digest-sources.repository';
import { DigestsRepository, type NewDigest } from './digests.repository';
import { LEGACY_DIGESTS_QUEUE, moveLegacyDigestJobs } from './legacy-digest-queue';

const DAY_MS = 24 * 3600 * 1000;
const WEEKLY_PREFIX = 'weekly-digest-';
// Monday 08:00, evaluated in the clinic's time zone by BullMQ's cron parser.
const WEEKLY_PATTERN = '0 8 * * 1';

export function preSessionJobId(coupleId: string): string {
  return `pre-session-${coupleId}`;
}

/**
 * Weekly digests (one job scheduler per active therapist, kept in step by a single sync job, so
 * several worker replicas never race to create them) and pre-session digests (a delayed job 24 h
 * before each couple's next session, re-planned when the session moves).
 */
@Processor(QueueName.Digests)
export class DigestsProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(DigestsProcessor.name);
  private readonly builder: DigestBuilder;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly digests: DigestsRepository,
    private readonly sources: DigestSourcesRepository,
    @InjectQueue(QueueName.Digests) private readonly queue: Queue,
    @InjectQueue(LEGACY_DIGESTS_QUEUE) private readonly legacyQueue: Queue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super();
    this.builder = new DigestBuilder(dataSource);
  }

  async onApplicationBootstrap(): Promise<void> {
    this.worker.concurrency = this.config.worker.concurrency;
    await moveLegacyDigestJobs(this.legacyQueue, this.queue)
      .then((moved) => moved > 0 && this.logger.log(`moved ${moved} jobs from the old summaries queue to digests`))
      .catch((error) => this.logger.warn(`could not move the old summaries queue's jobs: ${(error as Error).message}`));
    // One sync per hour however many replicas start: the job id is the same for all of them.
    const hour = new Date()
      .toISOString()
      .slice(0, 13)
      .replace(/[^0-9]/g, '');
    await this.queue
      .add(
        JobName.SyncDigestSchedules,
        { clinicId: null },
        { ...QUEUE_JOB_OPTIONS[QueueName.Digests], jobId: `sync-digest-schedules-${hour}` },
      )
      .catch((error) => this.logger.warn(`could not queue the digest schedule sync: ${(error as Error).message}`));
  }

  private readonly handlers: JobHandlers<QueueName.Digests> = {
    [JobName.SyncDigestSchedules]: () => this.syncSchedules(),
    [JobName.WeeklyDigest]: (data, job) => this.weekly(data, job.timestamp),
    [JobName.PlanPreSessionDigest]: (data) => this.planPreSession(data),
    [JobName.PreSessionDigest]: (data) => this.preSession(data),
  };

  async process(job: Job): Promise<void> {
    return runJob(this.handlers, job);
  }

  private async syncSchedules(): Promise<void> {
    const therapists = await this.sources.weeklyDigestRecipients();
    const wanted = new Set(therapists.map((t) => `${WEEKLY_PREFIX}${t.therapistId}`));
    for (const t of therapists) {
      await this.queue.upsertJobScheduler(
        `${WEEKLY_PREFIX}${t.therapistId}`,
        { pattern: WEEKLY_PATTERN, tz: t.timezone },
        {
          name: JobName.WeeklyDigest,
          data: { therapistId: t.therapistId, clinicId: t.clinicId },
          opts: QUEUE_JOB_OPTIONS[QueueName.Digests],
        },
      );
    }
    for (const scheduler of await this.queue.getJobSchedulers(0, -1)) {
      const key = scheduler.key ?? scheduler.id;
      if (key?.startsWith(WEEKLY_PREFIX) && !wanted.has(key)) await this.queue.removeJobScheduler(key);
    }
  }

  private async weekly(data: JobPayloads[JobName.WeeklyDigest], createdAt: number): Promise<void> {
    // The period ends when the job was created (its scheduled time): a retry keeps that timestamp
    // and so finds the same digest instead of making another.
    // Turned off (or deactivated) since the schedule was last synced: no digest from this run.
    if (!(await this.sources.isWeeklyDigestRecipient(data.therapistId))) return;
    const end = new Date(createdAt);
    const start = new Date(end.getTime() - 7 * DAY_MS);
    const content = await this.builder.weekly(data.therapistId, start, end);
    if (!content) return;
    await this.store({
      clinicId: data.clinicId,
      therapistId: data.therapistId,
      kind: 'weekly',
      coupleId: null,
      periodStart: start,
      periodEnd: end,
      content,
    });
  }

  private async planPreSession(data: JobPayloads[JobName.PlanPreSessionDigest]): Promise<void> {
    await this.queue.remove(preSessionJobId(data.coupleId)).catch(() => 0);
    const couple = await this.sources.findCouple(data.coupleId);
    if (!couple?.nextSessionAt || couple.status !== 'active') return;
    const sendAt = couple.nextSessionAt.getTime() - DAY_MS;
    if (couple.nextSessionAt.getTime() <= Date.now()) return;
    await this.queue.add(
      JobName.PreSessionDigest,
      { coupleId: couple.id, clinicId: couple.clinicId, sessionAtMs: couple.nextSessionAt.getTime() },
      {
        ...QUEUE_JOB_OPTIONS[QueueName.Digests],
        jobId: preSessionJobId(couple.id),
        delay: Math.max(0, sendAt - Date.now()),
      },
    );
  }

  private async preSession(data: JobPayloads[JobName.PreSessionDigest]): Promise<void> {
    const couple = await this.sources.findCouple(data.coupleId);
    // Stale: the session moved (its own job was planned) or was cleared.
    if (!couple || couple.nextSessionAt?.getTime() !== data.sessionAtMs) return;
    const start = (await this.digests.lastPreSessionEnd(couple.id)) ?? new Date(data.sessionAtMs - 14 * DAY_MS);
    const built = await this.builder.preSession(couple.id, start, new Date(data.sessionAtMs));
    if (!built) return;
    await this.store({
      clinicId: data.clinicId,
      therapistId: built.therapistId,
      kind: 'pre_session',
      coupleId: couple.id,
      periodStart: start,
      periodEnd: new Date(data.sessionAtMs),
      content: built.content,
    });
  }

  /** Stores the digest once (a retried job finds it) and queues its email through the ledger. */
  private async store(digest: NewDigest): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const id = await this.digests.storeOnce(manager, digest);
      await queueEmailInTransaction(manager, {
        clinicId: digest.clinicId,
        template: digest.kind === 'weekly' ? 'weekly-digest' : 'pre-session-digest',
        subjectIds: { digestId: id },
        idempotencyKey: `digest-${id}`,
      });
    });
  }
}
