import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '@trellis/config';
import { mintSecretToken } from '@trellis/data';
import { MailSender } from '@trellis/mail';
import { DeliverySender } from '../email/delivery-sender.service';
import { markLinkSecretsStored, recordIssuedLinkSecrets } from '../email/link-secrets.repository';
import { renderHomeworkFacts } from '../homework/homework-email.composer';
import { APP_CONFIG, MAIL_SENDER } from '../config/config.tokens';
import { FiringReminder, PreparedReminder, RemindersRepository } from './reminders.repository';

interface Waiting {
  reminder: FiringReminder;
  done: () => void;
  failed: (error: unknown) => void;
}

/** How long a reminder waits for others to share its statements; reminders are not urgent to the ms. */
const GATHER_MS = 2;

/** One email per slot per due date, however often the job runs. */
export function reminderIdempotencyKey(reminder: FiringReminder): string {
  return `reminder-${reminder.responseId}-${reminder.n}-${reminder.dueAtMs}`;
}

/**
 * Sends firing reminders in batches: the reminder jobs running at the same time (the worker's
 * concurrency) share one transaction — one statement checks that each response is still open,
 * records its ledger row, reads what the email says and stores the new link's hash; the emails go
 * out over the pooled SMTP connections; one statement marks them sent. The jobs benchmark found
 * PostgreSQL round trips to be the pipeline's main cost, and this takes a reminder from about seven
 * to under two.
 *
 * Exactly once: the ledger rows are created inside the sending transaction, so a concurrent run of
 * the same reminder waits on the unique key and then finds it taken. A crash after SMTP accepted
 * but before the commit resends on retry, with the same Message-ID (derived from the key) so the
 * receiver can drop the duplicate. A failed send is handed to the email queue (retries, backoff,
 * the admins' failed-job view); a row left from an earlier try goes through the email queue's
 * single-row path.
 */
@Injectable()
export class ReminderSender {
  private waiting: Waiting[] = [];
  private timer: NodeJS.Timeout | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(MAIL_SENDER) private readonly mail: MailSender,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly deliveries: DeliverySender,
    private readonly reminders: RemindersRepository,
  ) {}

  /** Resolves when the reminder was sent, skipped as no longer needed, or handed to the email queue. */
  send(reminder: FiringReminder): Promise<void> {
    return new Promise<void>((done, failed) => {
      this.waiting.push({ reminder, done, failed });
      if (this.waiting.length >= this.config.worker.concurrency) this.flush();
      else this.timer ??= setTimeout(() => this.flush(), GATHER_MS);
    });
  }

  private flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    // One reminder per response per batch: two slots of one response firing together (after
    // downtime) would otherwise both mint a link in one statement, and only one could be stored.
    const batch: Waiting[] = [];
    const later: Waiting[] = [];
    const responses = new Set<string>();
    for (const w of this.waiting) {
      if (responses.has(w.reminder.responseId)) later.push(w);
      else {
        responses.add(w.reminder.responseId);
        batch.push(w);
      }
    }
    this.waiting = later;
    if (later.length) this.timer = setTimeout(() => this.flush(), GATHER_MS);
    this.sendBatch(batch.map((w) => w.reminder)).then(
      () => batch.forEach((w) => w.done()),
      (error) => batch.forEach((w) => w.failed(error)),
    );
  }

  private async sendBatch(reminders: FiringReminder[]): Promise<void> {
    const now = Date.now();
    const prepared: PreparedReminder[] = reminders.map((reminder) => {
      const { token, hash } = mintSecretToken();
      return {
        reminder,
        key: reminderIdempotencyKey(reminder),
        kind: now > reminder.dueAtMs ? 'overdue' : 'before_due',
        token,
        tokenHash: hash,
      };
    });
    const byKey = new Map(prepared.map((p) => [p.key, p]));
    // Committed before anything is sent: a worker killed between SMTP's answer and the commit
    // below leaves the delivered email's link working once the resend stores its own
    // (email/link-secrets.repository.ts).
    await recordIssuedLinkSecrets(
      this.dataSource,
      prepared.map((p) => ({ deliveryKey: p.key, hash: p.tokenHash })),
    );
    const leftFromEarlierTries = await this.dataSource.transaction(async (manager) => {
      const rows = await this.reminders.recordOpenReminders(manager, prepared);
      const fresh = rows.filter((row) => row.fresh);
      const outcomes = await Promise.allSettled(
        // async: a render error becomes that row's failure, never an unawaited rejection.
        fresh.map(async (row) => {
          const p = byKey.get(row.wanted_key) as PreparedReminder;
          const email = renderHomeworkFacts(row, 'homework-reminder', p.kind, p.token, this.config.http.publicUrl);
          return this.mail.send({ ...email, messageId: `<${row.wanted_key}@trellis>` });
        }),
      );
      const sent = fresh.filter((_, i) => outcomes[i].status === 'fulfilled');
      const failed = fresh.flatMap((row, i) => {
        const outcome = outcomes[i];
        return outcome.status === 'rejected' ? [{ row, error: outcome.reason as unknown }] : [];
      });
      if (sent.length) {
        // The new link replaces the partner's old one only for an email that went out: a failed
        // send leaves their working link alone (the email queue's retry mints its own).
        await this.reminders.markSent(
          manager,
          sent.map((row) => ({
            deliveryId: row.delivery_id,
            responseId: row.response_id,
            tokenHash: (byKey.get(row.wanted_key) as PreparedReminder).tokenHash,
            linkExpiresAt: row.link_expires_at,
          })),
        );
        await markLinkSecretsStored(
          manager,
          sent.map((row) => (byKey.get(row.wanted_key) as PreparedReminder).tokenHash),
        );
      }
      if (failed.length)
        await this.deliveries.handOverInTransaction(
          manager,
          failed.map(({ row, error }) => ({ deliveryId: row.delivery_id, error })),
        );
      return rows.filter((row) => !row.fresh && row.delivery_status === 'pending');
    });
    // A row an earlier try of the same job recorded and did not send: the single-row path locks it.
    for (const row of leftFromEarlierTries) {
      try {
        await this.deliveries.sendOnce(row.delivery_id);
      } catch (error) {
        await this.deliveries.handOverToEmailQueue(row.delivery_id, error);
      }
    }
  }
}
