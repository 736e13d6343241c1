import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { Queue } from 'bullmq';
import { DataSource, IsNull } from 'typeorm';
import { loadConfig } from '@trellis/config';
import { bullConnectionOptions, JobName, QueueName } from '@trellis/jobs';
import { EmailDelivery, Exercise } from '@trellis/data';
import { DeliverySender } from '../../libs/features/src/email/delivery-sender.service';
import { EmailDeliveriesRepository } from '../../libs/features/src/email/email-deliveries.repository';
import { longestEmailedLinkLifetimeMs } from '../../libs/features/src/email/link-lifetime';
import { createTestApp } from '../support/create-test-app';
import { followEmailedLink, tokenFromEmail } from '../support/email-links';
import { createClinic, createCouple, createStaff } from '../support/factories';
import { setPassword, signIn } from '../support/sign-in';
import { connectTestDatabase } from '../support/test-database';
import { until } from '../support/eventually';
import type { CapturedEmail } from '../support/smtp-capture';
import { startWorkerWithMailbox } from '../support/worker-harness';

const DAY = 24 * 3600 * 1000;
const STRONG = 'lantern harbour violet orbit';

function messageIdOf(email: CapturedEmail): string {
  return /^Message-ID:\s*(<[^>]+>)/im.exec(email.raw)?.[1] ?? '';
}

/**
 * A worker killed after the SMTP server accepted an email and before the send's transaction
 * committed (issue 21): the email queue sends the delivery again under the same Message-ID with a
 * new link, and a mail server that drops duplicates by Message-ID keeps the first email. The first
 * email's link must work. The crash is the commit failing right after the send (the transaction
 * rolls back, as when the process dies); the queue's retry is `sendOnce` called again.
 */
describe('an emailed link whose send lost its commit', () => {
  let app: NestFastifyApplication;
  let db: DataSource;
  let harness: Awaited<ReturnType<typeof startWorkerWithMailbox>>;
  let lostCommits: Set<string>;
  let crashed: string[];

  beforeAll(async () => {
    app = await createTestApp();
    db = await connectTestDatabase();
    harness = await startWorkerWithMailbox();
    const deliveries = harness.worker.get(EmailDeliveriesRepository);
    const markSent = deliveries.markSent.bind(deliveries);
    lostCommits = new Set();
    crashed = [];
    jest.spyOn(deliveries, 'markSent').mockImplementation(async (manager, delivery, messageId) => {
      const address = harness.mailbox.messages.find((m) => messageIdOf(m) === messageId)?.to[0];
      if (address && lostCommits.delete(address)) {
        crashed.push(delivery.id);
        throw new Error('the worker died before its commit');
      }
      return markSent(manager, delivery, messageId);
    });
  });
  afterAll(async () => {
    jest.restoreAllMocks();
    await harness.stop();
    await app.close();
    await db.destroy();
  });

  /** The `stored` flags of the secrets kept for a delivery, oldest first. */
  async function secretsOf(deliveryId: string): Promise<boolean[]> {
    const rows: { stored: boolean }[] = await db.query(
      `SELECT s.stored FROM email_link_secret s JOIN email_delivery d ON d.idempotency_key = s.delivery_key
       WHERE d.id = $1 ORDER BY s.issued_at, s.stored`,
      [deliveryId],
    );
    return rows.map((row) => row.stored);
  }

  /** The two emails to `address` (the lost commit's, then the resend's), same Message-ID. */
  async function sentTwice(address: string, subject: RegExp): Promise<[CapturedEmail, CapturedEmail]> {
    await harness.mailbox.waitForMessageTo(address, subject);
    await until(async () => crashed.length > 0);
    const deliveryId = crashed[0];
    crashed.length = 0;
    // The queue's retry of the same delivery (its backoff is 30 s; the test does not wait for it).
    await harness.worker.get(DeliverySender).sendOnce(deliveryId);
    expect((await db.getRepository(EmailDelivery).findOneByOrFail({ id: deliveryId })).status).toBe('sent');
    const emails = harness.mailbox.messagesTo(address).filter((m) => subject.test(m.subject));
    expect(emails).toHaveLength(2);
    expect(messageIdOf(emails[0])).not.toBe('');
    expect(messageIdOf(emails[1])).toBe(messageIdOf(emails[0]));
    // Both secrets of the delivery are kept, the resend's as the one its record holds.
    expect(await secretsOf(deliveryId)).toEqual([false, true]);
    return [emails[0], emails[1]];
  }

  it("keeps the first homework email's link working, and a revocation still ends it", async () => {
    const exercise = await db.getRepository(Exercise).findOneByOrFail({ clinicId: IsNull(), strategy: 'honest_talk' });
    const clinic = await createClinic(db);
    const dana = await createStaff(db, clinic);
    await setPassword(db, dana);
    const { couple, partners } = await createCouple(db, clinic, dana);
    lostCommits.add(partners[0].email);
    const asDana = await signIn(app, dana.email);
    const assigned = await asDana.agent
      .post('/api/v1/assignments')
      .set('x-csrf-token', asDana.csrfToken)
      .send({ exerciseId: exercise.id, coupleIds: [couple.id], dueAt: new Date(Date.now() + 3 * DAY).toISOString() })
      .expect(201);

    const [first, resent] = await sentTwice(partners[0].email, /.*/);
    // The other partner's email went out at the first attempt: nothing of its secret is kept.
    await harness.mailbox.waitForMessageTo(partners[1].email);
    const other: { id: string } = await until(async () => {
      const [row] = await db.query(
        `SELECT d.id FROM email_delivery d WHERE d.clinic_id = $1 AND d.status = 'sent' AND d.template = 'homework-assigned'
         AND NOT EXISTS (SELECT 1 FROM email_link_secret s WHERE s.delivery_key = d.idempotency_key AND s.stored)`,
        [clinic.id],
      );
      return row;
    });
    expect(await secretsOf(other.id)).toEqual([]);
    expect(tokenFromEmail(first.raw, 'homework')).not.toBe(tokenFromEmail(resent.raw, 'homework'));
    // The email the mail server kept: its link opens the partner's homework.
    const { token } = await followEmailedLink(app.getHttpServer(), first.raw, 'homework');
    const { token: resentToken } = await followEmailedLink(app.getHttpServer(), resent.raw, 'homework');

    // It is the delivery's link, no more: the therapist's revocation ends both.
    await asDana.agent
      .post(`/api/v1/assignments/${assigned.body.data[0].id}/partners/${partners[0].id}/link/revoke`)
      .set('x-csrf-token', asDana.csrfToken)
      .expect((res) => expect(res.status).toBeLessThan(300));
    for (const t of [token, resentToken])
      await request(app.getHttpServer()).post('/api/v1/homework/link').send({ token: t }).expect(404);
  });

  it("keeps the first invitation email's link working, still single use", async () => {
    const clinic = await createClinic(db);
    const admin = await createStaff(db, clinic, { role: 'admin' });
    await setPassword(db, admin);
    const { agent, csrfToken } = await signIn(app, admin.email);
    const email = `robin-${Math.random().toString(36).slice(2, 8)}@example.test`;
    lostCommits.add(email);
    await agent
      .post('/api/v1/staff/invitations')
      .set('x-csrf-token', csrfToken)
      .send({ email, name: 'Robin Hale', role: 'therapist' })
      .expect(201);

    const [first, resent] = await sentTwice(email, /invitation/i);
    const { token } = await followEmailedLink(app.getHttpServer(), first.raw, 'invitation');
    await request(app.getHttpServer())
      .post('/api/v1/auth/invitations/accept')
      .send({ token, password: STRONG })
      .expect(200);
    // Used once, through either email: the other one's link is spent too.
    const resentToken = tokenFromEmail(resent.raw, 'invitation');
    await request(app.getHttpServer()).post('/api/v1/auth/invitations/lookup').send({ token: resentToken }).expect(404);
    await request(app.getHttpServer()).post('/api/v1/auth/invitations/lookup').send({ token }).expect(404);
  });

  it('drops the secrets older than any emailed link lives, and keeps the recent ones working', async () => {
    const clinic = await createClinic(db);
    const admin = await createStaff(db, clinic, { role: 'admin' });
    await setPassword(db, admin);
    const { agent, csrfToken } = await signIn(app, admin.email);
    const email = `kit-${Math.random().toString(36).slice(2, 8)}@example.test`;
    lostCommits.add(email);
    await agent
      .post('/api/v1/staff/invitations')
      .set('x-csrf-token', csrfToken)
      .send({ email, name: 'Kit Marlow', role: 'therapist' })
      .expect(201);
    const [first] = await sentTwice(email, /invitation/i);

    // Homework due far off: its link outlives every fixed lifetime (due date + the clinic's days).
    const exercise = await db.getRepository(Exercise).findOneByOrFail({ clinicId: IsNull(), strategy: 'honest_talk' });
    const dana = await createStaff(db, clinic);
    await setPassword(db, dana);
    const { couple, partners } = await createCouple(db, clinic, dana);
    const asDana = await signIn(app, dana.email);
    await asDana.agent
      .post('/api/v1/assignments')
      .set('x-csrf-token', asDana.csrfToken)
      .send({ exerciseId: exercise.id, coupleIds: [couple.id], dueAt: new Date(Date.now() + 60 * DAY).toISOString() })
      .expect(201);
    await harness.mailbox.waitForMessageTo(partners[0].email);
    const homework: { hash: string } = await until(async () => {
      const [row] = await db.query(
        `SELECT link_token_hash AS hash FROM homework_response WHERE client_id = $1 AND link_token_hash IS NOT NULL`,
        [partners[0].id],
      );
      return row;
    });

    // A delivery sent twice long ago: both its secrets are past every link's lifetime.
    const lifetimeMs = longestEmailedLinkLifetimeMs(loadConfig(process.env));
    const oldKey = `old-delivery-${Math.random().toString(36).slice(2, 10)}`;
    const oldHashes = [`${oldKey}-a`, `${oldKey}-b`];
    await db.query(
      `INSERT INTO email_link_secret (token_hash, delivery_key, stored, issued_at)
       VALUES ($1, $3, false, $4), ($2, $3, true, $4)`,
      [...oldHashes, oldKey, new Date(Date.now() - lifetimeMs - 3600 * 1000)],
    );
    // A delivery sent twice as long ago whose stored secret is that homework's live link stays.
    const homeworkKey = `${oldKey}-homework`;
    await db.query(
      `INSERT INTO email_link_secret (token_hash, delivery_key, stored, issued_at)
       VALUES ($1, $3, false, $4), ($2, $3, true, $4)`,
      [`${homeworkKey}-a`, homework.hash, homeworkKey, new Date(Date.now() - lifetimeMs - 3600 * 1000)],
    );
    // One just inside the lifetime stays.
    const recentKey = `${oldKey}-recent`;
    await db.query(
      `INSERT INTO email_link_secret (token_hash, delivery_key, stored, issued_at) VALUES ($1, $1, true, $2)`,
      [recentKey, new Date(Date.now() - lifetimeMs + 3600 * 1000)],
    );

    // The retention job, as its scheduler runs it.
    const emailQueue = new Queue(QueueName.Email, {
      connection: bullConnectionOptions(process.env.REDIS_URL as string),
      prefix: process.env.QUEUE_PREFIX,
    });
    try {
      const job = await emailQueue.add(JobName.PruneLinkSecrets, { clinicId: null });
      await until(async () => (await job.isCompleted()) || undefined);
    } finally {
      await emailQueue.close();
    }

    const left: { token_hash: string }[] = await db.query(
      `SELECT token_hash FROM email_link_secret WHERE delivery_key = ANY($1::text[])`,
      [[oldKey, recentKey, homeworkKey]],
    );
    expect(left.map((row) => row.token_hash).sort()).toEqual([`${homeworkKey}-a`, homework.hash, recentKey].sort());
    // The recent delivery's secrets are kept: the first email's link still works.
    const { token } = await followEmailedLink(app.getHttpServer(), first.raw, 'invitation');
    await request(app.getHttpServer())
      .post('/api/v1/auth/invitations/accept')
      .send({ token, password: STRONG })
      .expect(200);
  });
});
