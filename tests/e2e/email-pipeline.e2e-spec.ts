import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { loadConfig } from '@trellis/config';
import { EmailDelivery, OutboxMessage } from '@trellis/data';
import { enqueueInTransaction, JobName } from '@trellis/jobs';
import { createWorkerApp } from '../../apps/worker/src/create-worker-app';
import { OutboxRelayService } from '../../apps/worker/src/outbox/outbox-relay.service';
import { createClinic, createStaff } from '../support/factories';
import { SmtpCapture } from '../support/smtp-capture';
import { connectTestDatabase } from '../support/test-database';

async function queueSmtpCheck(db: DataSource, clinicId: string, staffUserId: string, key: string): Promise<string> {
  return db.transaction(async (manager) => {
    const delivery = await manager.save(EmailDelivery, {
      clinicId,
      idempotencyKey: key,
      template: 'smtp-check' as const,
      subjectIds: { staffUserId },
      status: 'pending' as const,
    });
    await enqueueInTransaction(manager, {
      name: JobName.SendEmail,
      data: { deliveryId: delivery.id, clinicId },
      jobId: `email-${delivery.id}`,
    });
    return delivery.id;
  });
}

describe('email pipeline: outbox → relay → BullMQ → worker → SMTP', () => {
  let db: DataSource;
  let smtp: SmtpCapture;
  let worker: INestApplicationContext;

  beforeAll(async () => {
    db = await connectTestDatabase();
    smtp = new SmtpCapture();
    const smtpUrl = await smtp.start();
    worker = await createWorkerApp(loadConfig({ ...process.env, SMTP_URL: smtpUrl, OUTBOX_RELAY_INTERVAL_MS: '50' }));
  });
  afterAll(async () => {
    await worker.close();
    await smtp.stop();
    await db.destroy();
  });

  it('delivers a queued email through the real worker and records it as sent', async () => {
    const clinic = await createClinic(db, { name: 'Harbour Counselling' });
    const staff = await createStaff(db, clinic, { email: 'ada@example.test' });
    const deliveryId = await queueSmtpCheck(db, clinic.id, staff.id, `smtp-check:${staff.id}:1`);

    const before = smtp.messages.length;
    await smtp.waitFor(before + 1);
    const message = smtp.messages[before];
    expect(message.to).toEqual(['ada@example.test']);
    expect(message.subject).toBe('Trellis email check');
    expect(message.raw).toContain('Harbour Counselling');
    expect(message.raw).toMatch(/Content-Type: text\/plain/i);
    expect(message.raw).toMatch(/Content-Type: text\/html/i);

    const delivery = await waitForStatus(db, deliveryId, 'sent');
    expect(delivery.sentAt).toBeInstanceOf(Date);
    const outbox = await db.getRepository(OutboxMessage).findOneByOrFail({ jobId: `email-${deliveryId}` });
    expect(outbox.relayedAt).toBeInstanceOf(Date);
  });

  it('never sends the same ledger row twice, even when the job is queued again', async () => {
    const clinic = await createClinic(db);
    const staff = await createStaff(db, clinic);
    const deliveryId = await queueSmtpCheck(db, clinic.id, staff.id, `smtp-check:${staff.id}:dup`);
    await waitForStatus(db, deliveryId, 'sent');
    // A second outbox row for the same delivery under a new job id: the ledger must stop it.
    await db.transaction((manager) =>
      enqueueInTransaction(manager, {
        name: JobName.SendEmail,
        data: { deliveryId, clinicId: clinic.id },
        jobId: `email-${deliveryId}-again`,
      }),
    );
    await worker.get(OutboxRelayService).relayOnce();
    await new Promise((r) => setTimeout(r, 500));
    expect(smtp.messages.filter((m) => m.to.includes(staff.email))).toHaveLength(1);
  });

  it('enqueues nothing for a transaction that rolled back', async () => {
    const clinic = await createClinic(db);
    const staff = await createStaff(db, clinic);
    const key = `smtp-check:${staff.id}:rollback`;
    let attemptedId = '';
    await expect(
      db.transaction(async (manager) => {
        const delivery = await manager.save(EmailDelivery, {
          clinicId: clinic.id,
          idempotencyKey: key,
          template: 'smtp-check' as const,
          subjectIds: { staffUserId: staff.id },
          status: 'pending' as const,
        });
        attemptedId = delivery.id;
        await enqueueInTransaction(manager, {
          name: JobName.SendEmail,
          data: { deliveryId: delivery.id, clinicId: clinic.id },
          jobId: `email-${delivery.id}`,
        });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await db.getRepository(EmailDelivery).countBy({ idempotencyKey: key })).toBe(0);
    expect(attemptedId).not.toBe('');
    const outbox = await db.query(`SELECT count(*)::int AS n FROM outbox WHERE payload->>'deliveryId' = $1`, [
      attemptedId,
    ]);
    expect(outbox[0].n).toBe(0);
  });
});

async function waitForStatus(db: DataSource, id: string, status: string, timeoutMs = 10_000): Promise<EmailDelivery> {
  const started = Date.now();
  for (;;) {
    const row = await db.getRepository(EmailDelivery).findOneByOrFail({ id });
    if (row.status === status) return row;
    if (Date.now() - started > timeoutMs) throw new Error(`delivery ${id} stayed ${row.status}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
