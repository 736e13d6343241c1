import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, OnApplicationBootstrap } from '@nestjs/common';
import { UnrecoverableError } from 'bullmq';
import { AppConfig } from '@trellis/config';
import { JobName, QueueName, TypedJob } from '@trellis/jobs';
import { APP_CONFIG } from '../config/config.tokens';
import { DeliverySender } from './delivery-sender.service';

export type EmailJob = TypedJob<JobName.SendEmail>;

/**
 * Sends one ledger row per job. Errors are recorded on the row and thrown, not swallowed, so
 * BullMQ's retry with backoff applies; the last failure leaves the row `failed` for admins.
 */
@Processor(QueueName.Email)
export class EmailProcessor extends WorkerHost implements OnApplicationBootstrap {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly deliveries: DeliverySender,
  ) {
    super();
  }

  onApplicationBootstrap(): void {
    this.worker.concurrency = this.config.worker.concurrency;
  }

  async process(job: EmailJob): Promise<void> {
    try {
      await this.deliveries.sendOnce(job.data.deliveryId);
    } catch (error) {
      const lastTry = error instanceof UnrecoverableError || job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      // Recorded after the send transaction rolled back (it held the row lock).
      await this.deliveries.recordFailure(job.data.deliveryId, error, lastTry ? 'failed' : 'retry');
      throw error;
    }
  }
}
