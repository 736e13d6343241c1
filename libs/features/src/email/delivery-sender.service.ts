import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { UnrecoverableError } from 'bullmq';
import { DataSource, EntityManager } from 'typeorm';
import { mintSecretToken } from '@trellis/data';
import { enqueueManyInTransaction, JobName } from '@trellis/jobs';
import { MailSender } from '@trellis/mail';
import { MAIL_SENDER } from '../config/config.tokens';
import { EmailComposer } from './email-composer.service';
import { DeliveryOutcome, EmailDeliveriesRepository } from './email-deliveries.repository';
import { LINK_TEMPLATES, markLinkSecretsStored, recordIssuedLinkSecrets } from './link-secrets.repository';

export type FailureOutcome = DeliveryOutcome;

/**
 * Sends one ledger row (`email_delivery`) exactly once. The row is locked for the whole send, so a
 * retried job, a stalled job picked up again or a second worker waits, then sees `sent` and does
 * nothing. Used by the email queue and, for the first attempt, directly by jobs that send mail.
 */
@Injectable()
export class DeliverySender implements OnApplicationShutdown {
  private readonly logger = new Logger(DeliverySender.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(MAIL_SENDER) private readonly sender: MailSender,
    private readonly composer: EmailComposer,
    private readonly deliveries: EmailDeliveriesRepository,
  ) {}

  /** Pooled SMTP connections would otherwise keep the process alive after shutdown. */
  onApplicationShutdown(): void {
    this.sender.close();
  }

  /** Throws on failure (the transaction rolled back and released the row); see `recordFailure`. */
  async sendOnce(deliveryId: string): Promise<void> {
    // An email with a personal link: its secret's hash is committed before the send's transaction
    // opens, so a resend after a lost commit keeps this attempt's link working
    // (email/link-secrets.repository.ts).
    const peek = await this.deliveries.peek(deliveryId);
    if (peek && (peek.status === 'sent' || peek.status === 'skipped')) return;
    const link = mintSecretToken();
    const withLink = peek !== null && LINK_TEMPLATES.has(peek.template);
    if (withLink)
      await recordIssuedLinkSecrets(this.dataSource, [{ deliveryKey: peek.idempotencyKey, hash: link.hash }]);

    await this.dataSource.transaction(async (manager) => {
      const delivery = await this.deliveries.findLocked(manager, deliveryId);
      if (!delivery) throw new UnrecoverableError(`email_delivery ${deliveryId} does not exist`);
      if (delivery.status === 'sent' || delivery.status === 'skipped') return;

      const email = await this.composer.compose(delivery, manager, link);
      if (!email) {
        await this.deliveries.markSkipped(manager, delivery.id);
        return;
      }
      // Stable across retries and across both send paths (the batched reminders use the same key),
      // so a receiver can drop the duplicate of a send whose commit was lost.
      const messageId = `<${delivery.idempotencyKey}@trellis>`;
      await this.sender.send({ ...email, messageId });
      if (withLink) await markLinkSecretsStored(manager, [link.hash]);
      await this.deliveries.markSent(manager, delivery, messageId);
    });
  }

  /** Counts a failed attempt on the ledger row; `failed` is final and shown to admins. */
  async recordFailure(deliveryId: string, error: unknown, outcome: FailureOutcome): Promise<void> {
    this.logger.warn(`email ${deliveryId} failed (${outcome}): ${(error as Error).message}`);
    await this.deliveries.recordFailure(deliveryId, String((error as Error).message).slice(0, 500), outcome);
  }

  /**
   * First attempts made outside the email queue failed: count each on its ledger row and hand the
   * rows to the email queue (through the outbox, so a Redis outage cannot lose them), whose
   * retries, backoff and failed-job view apply as for any email. One statement, in the caller's
   * transaction.
   */
  async handOverInTransaction(
    manager: EntityManager,
    failures: { deliveryId: string; error: unknown }[],
  ): Promise<void> {
    const counted = await this.deliveries.recordFirstAttemptFailures(
      manager,
      failures.map(({ deliveryId, error }) => {
        const message = String((error as Error)?.message ?? error).slice(0, 500);
        this.logger.warn(`email ${deliveryId} first attempt failed, queued for retry: ${message}`);
        return { deliveryId, message };
      }),
    );
    await enqueueManyInTransaction(
      manager,
      counted.map((row) => ({
        name: JobName.SendEmail,
        data: { deliveryId: row.id, clinicId: row.clinicId },
        jobId: `email-${row.id}`,
      })),
    );
  }

  /** The same for one row, in a transaction of its own. */
  handOverToEmailQueue(deliveryId: string, error: unknown): Promise<void> {
    return this.dataSource.transaction((manager) => this.handOverInTransaction(manager, [{ deliveryId, error }]));
  }
}
