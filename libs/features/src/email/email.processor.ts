import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Job, Queue, UnrecoverableError } from 'bullmq';
import { DataSource } from 'typeorm';
import { AppConfig } from '@trellis/config';
import { JobHandlers, JobName, JobPayloads, QUEUE_JOB_OPTIONS, QueueName, runJob, TypedJob } from '@trellis/jobs';
import { APP_CONFIG } from '../config/config.tokens';
import { DeliverySender } from './delivery-sender.service';
import { longestEmailedLinkLifetimeMs } from './link-lifetime';
import { pruneLinkSecrets } from './link-secrets.repository';

export type EmailJob = TypedJob<JobName.SendEmail>;

/** How often the link-secret retention sweep runs (lifetimes are hours to days). */
const PRUNE_LINK_SECRETS_EVERY_MS = 24 * 3600 * 1000;

/**
 * Sends one ledger row per job. Errors are recorded on the row and thrown, not swallowed, so
 * BullMQ's retry with backoff applies; the last failure leaves the row `failed` for admins.
 * Also runs the daily retention sweep of `email_link_secret` (see link-secrets.repository.ts).
 */
@Processor(QueueName.Email)
export class EmailProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(EmailProcessor.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectQueue(QueueName.Email) private readonly queue: Queue,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly deliveries: DeliverySender,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    this.worker.concurrency = this.config.worker.concurrency;
    // One scheduler however many workers start: the id makes it an upsert.
    await this.queue.upsertJobScheduler(
      'prune-link-secrets',
      { every: PRUNE_LINK_SECRETS_EVERY_MS },
      { name: JobName.PruneLinkSecrets, data: { clinicId: null }, opts: QUEUE_JOB_OPTIONS[QueueName.Email] },
    );
  }

  private readonly handlers: JobHandlers<QueueName.Email> = {
    [JobName.SendEmail]: (data, job) => this.send(data, job),
    [JobName.PruneLinkSecrets]: () => this.pruneLinkSecrets(),
  };

  async process(job: Job): Promise<void> {
    return runJob(this.handlers, job);
  }

  private async send(data: JobPayloads[JobName.SendEmail], job: EmailJob): Promise<void> {
    try {
      await this.deliveries.sendOnce(data.deliveryId);
    } catch (error) {
      const lastTry = error instanceof UnrecoverableError || job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      // Recorded after the send transaction rolled back (it held the row lock).
      await this.deliveries.recordFailure(data.deliveryId, error, lastTry ? 'failed' : 'retry');
      throw error;
    }
  }

  /** Rows older than the longest link lifetime can only lead to expired links. */
  private async pruneLinkSecrets(): Promise<void> {
    const issuedBefore = new Date(Date.now() - longestEmailedLinkLifetimeMs(this.config));
    const dropped = await pruneLinkSecrets(this.dataSource, issuedBefore);
    if (dropped) this.logger.log(`dropped ${dropped} email link secrets issued before ${issuedBefore.toISOString()}`);
  }
}
