import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Job, UnrecoverableError } from 'bullmq';
import { DataSource } from 'typeorm';
import { AppConfig } from '@trellis/config';
import { EmailDelivery } from '@trellis/data';
import { JobName, JobPayloads, QueueName } from '@trellis/jobs';
import { MailSender } from '@trellis/mail';
import { APP_CONFIG, MAIL_SENDER } from '../worker.tokens';
import { EmailComposer } from './email-composer.service';

export type EmailJob = Job<JobPayloads[JobName.SendEmail], void, JobName.SendEmail>;

/**
 * Sends one ledger row. The row is locked for the whole send, so a retried job, a stalled job
 * picked up again or a second worker waits, then sees `sent` and does nothing.
 * Errors are thrown, not swallowed, so BullMQ's retry with backoff applies.
 */
@Processor(QueueName.Email)
export class EmailProcessor extends WorkerHost implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(EmailProcessor.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(MAIL_SENDER) private readonly sender: MailSender,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly composer: EmailComposer,
  ) {
    super();
  }

  onApplicationBootstrap(): void {
    this.worker.concurrency = this.config.worker.concurrency;
  }

  /** Pooled SMTP connections would otherwise keep the process alive after shutdown. */
  onApplicationShutdown(): void {
    this.sender.close();
  }

  async process(job: EmailJob): Promise<void> {
    try {
      await this.sendOnce(job.data.deliveryId);
    } catch (error) {
      // Recorded after the send transaction rolled back (it held the row lock).
      await this.recordFailure(job.data.deliveryId, error, job);
      throw error;
    }
  }

  private async sendOnce(deliveryId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const delivery = await manager.findOne(EmailDelivery, {
        where: { id: deliveryId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!delivery) throw new UnrecoverableError(`email_delivery ${deliveryId} does not exist`);
      if (delivery.status === 'sent' || delivery.status === 'skipped') return;

      const email = await this.composer.compose(delivery, manager);
      if (!email) {
        await manager.update(EmailDelivery, { id: delivery.id }, { status: 'skipped' });
        return;
      }
      const messageId = `<${delivery.id}@trellis>`;
      await this.sender.send({ ...email, messageId });
      await manager.update(EmailDelivery, { id: delivery.id }, {
        status: 'sent',
        sentAt: new Date(),
        messageId,
        attempts: delivery.attempts + 1,
        lastError: null,
      });
    });
  }

  private async recordFailure(deliveryId: string, error: unknown, job: EmailJob): Promise<void> {
    const lastTry = error instanceof UnrecoverableError || job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    this.logger.warn(`email ${deliveryId} attempt ${job.attemptsMade + 1} failed: ${(error as Error).message}`);
    await this.dataSource.query(
      `UPDATE email_delivery SET attempts = attempts + 1, last_error = $2, status = $3, updated_at = now() WHERE id = $1`,
      [deliveryId, String((error as Error).message).slice(0, 500), lastTry ? 'failed' : 'pending'],
    );
  }
}
