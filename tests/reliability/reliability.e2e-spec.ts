import type { INestApplicationContext } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Queue } from 'bullmq';
import request from 'supertest';
import { DataSource, IsNull } from 'typeorm';
import { loadConfig } from '@trellis/config';
import { EmailDelivery, Exercise } from '@trellis/data';
import { bullConnectionOptions, QueueName, queueEmailInTransaction } from '@trellis/jobs';
import { createWorkerApp } from '../../apps/worker/src/create-worker-app';
import { followEmailedLink, tokenFromEmail } from '../support/email-links';
import { createClinic, createCouple, createStaff } from '../support/factories';
import { createTestApp } from '../support/create-test-app';
import { eventually } from '../support/eventually';
import { OwnRedis } from '../support/own-redis';
import { setPassword, signIn } from '../support/sign-in';
import { SmtpCapture } from '../support/smtp-capture';
import { connectTestDatabase } from '../support/test-database';

/**
 * Faults with processes the test owns: its own redis-server (stopped and started here), its own
 * SMTP listener, one or two workers. Every email is counted: none lost, none doubled.
 */
describe('reliability under faults', () => {
  let db: DataSource;
  let redis: OwnRedis;
  let smtp: SmtpCapture;
  let smtpUrl: string;

  beforeAll(async () => {
    db = await connectTestDatabase();
    redis = new OwnRedis();
    await redis.start();
    smtp = new SmtpCapture();
    smtpUrl = await smtp.start();
  });
  afterAll(async () => {
    await smtp.stop();
    await redis.stop();
    await db.destroy();
  });

  const env = () => ({ ...process.env, REDIS_URL: redis.url, SMTP_URL: smtpUrl, OUTBOX_RELAY_INTERVAL_MS: '100' });

  it('keeps answering while Redis is down, and sends the homework emails once it is back', async () => {
    const app: NestFastifyApplication = await createTestApp(env());
    const worker: INestApplicationContext = await createWorkerApp(loadConfig(env()));
    try {
      const clinic = await createClinic(db);
      const dana = await createStaff(db, clinic);
      await setPassword(db, dana);
      const { couple, partners } = await createCouple(db, clinic, dana);
      const asDana = await signIn(app, dana.email);
      const exercise = await db
        .getRepository(Exercise)
        .findOneByOrFail({ clinicId: IsNull(), strategy: 'consistency' });

      await redis.stop();
      const res = await asDana.agent
        .post('/api/v1/assignments')
        .set('x-csrf-token', asDana.csrfToken)
        .send({
          exerciseId: exercise.id,
          coupleIds: [couple.id],
          dueAt: new Date(Date.now() + 5 * 864e5).toISOString(),
        });
      expect(res.status).toBe(201);
      await asDana.agent.get(`/api/v1/couples/${couple.id}/assignments`).expect(200);
      await new Promise((r) => setTimeout(r, 500));
      expect(smtp.messagesTo(partners[0].email)).toHaveLength(0);
      const waiting = await db.query(`SELECT count(*)::int AS n FROM outbox WHERE relayed_at IS NULL`);
      expect(waiting[0].n).toBeGreaterThan(0);

      await redis.start();
      await smtp.waitForMessageTo(partners[0].email, /Homework from/, 30_000);
      await smtp.waitForMessageTo(partners[1].email, /Homework from/, 30_000);
      await new Promise((r) => setTimeout(r, 500));
      expect(smtp.messagesTo(partners[0].email)).toHaveLength(1);
      expect(smtp.messagesTo(partners[1].email)).toHaveLength(1);
    } finally {
      await worker.close();
      await app.close();
    }
  }, 60_000);

  it('sends each of a few hundred emails exactly once with two workers on the same queues', async () => {
    const workers = [await createWorkerApp(loadConfig(env())), await createWorkerApp(loadConfig(env()))];
    try {
      const clinic = await createClinic(db);
      const staff: Awaited<ReturnType<typeof createStaff>>[] = [];
      for (let i = 0; i < 20; i += 1)
        staff.push(await createStaff(db, clinic, { email: `w${i}-${clinic.id.slice(0, 6)}@example.test` }));
      const count = 240;
      await db.transaction(async (manager) => {
        for (let i = 0; i < count; i += 1) {
          await queueEmailInTransaction(manager, {
            clinicId: clinic.id,
            template: 'smtp-check',
            subjectIds: { staffUserId: staff[i % staff.length].id },
            idempotencyKey: `twins-${clinic.id}-${i}`,
          });
        }
      });
      const deadline = Date.now() + 45_000;
      for (;;) {
        const sent = await db.getRepository(EmailDelivery).countBy({ clinicId: clinic.id, status: 'sent' });
        if (sent === count) break;
        if (Date.now() > deadline) throw new Error(`only ${sent} of ${count} sent`);
        await new Promise((r) => setTimeout(r, 100));
      }
      await new Promise((r) => setTimeout(r, 500));
      const received = staff.reduce((n, s) => n + smtp.messagesTo(s.email).length, 0);
      expect(received).toBe(count);
      for (const s of staff) expect(smtp.messagesTo(s.email)).toHaveLength(count / staff.length);
    } finally {
      await Promise.all(workers.map((w) => w.close()));
    }
  }, 90_000);

  it('retries a refused send, leaves the job failed and visible after the last try, and a retry then delivers', async () => {
    const worker = await createWorkerApp(loadConfig(env()));
    const queue = new Queue(QueueName.Email, {
      connection: bullConnectionOptions(redis.url),
      prefix: process.env.QUEUE_PREFIX,
    });
    try {
      const clinic = await createClinic(db);
      const person = await createStaff(db, clinic);
      smtp.refuseWith = new Error('451 try again later');
      const deliveryId = await db.transaction((m) =>
        queueEmailInTransaction(m, {
          clinicId: clinic.id,
          template: 'smtp-check',
          subjectIds: { staffUserId: person.id },
          idempotencyKey: `refused-${person.id}`,
        }),
      );
      const jobId = `email-${deliveryId}`;
      // Each failed try is rescheduled with backoff; promote the waits instead of sitting them out.
      const deadline = Date.now() + 45_000;
      for (;;) {
        const job = await queue.getJob(jobId);
        const state = job ? await job.getState() : 'missing';
        if (state === 'failed') break;
        if (state === 'delayed') await job?.promote();
        if (Date.now() > deadline) throw new Error(`job stuck in ${state}`);
        await new Promise((r) => setTimeout(r, 50));
      }
      const failed = await queue.getJob(jobId);
      expect(failed?.attemptsMade).toBe(8);
      expect(failed?.failedReason).toMatch(/451/);
      const row = await db.getRepository(EmailDelivery).findOneByOrFail({ id: deliveryId });
      expect(row).toMatchObject({ status: 'failed', attempts: 8 });
      expect(smtp.messagesTo(person.email)).toHaveLength(0);

      smtp.refuseWith = null;
      await failed?.retry('failed');
      await smtp.waitForMessageTo(person.email, /email check/i);
      // The ledger row is marked sent in the transaction that commits just after SMTP accepted it.
      await eventually(async () =>
        expect((await db.getRepository(EmailDelivery).findOneByOrFail({ id: deliveryId })).status).toBe('sent'),
      );
    } finally {
      smtp.refuseWith = null;
      await queue.close();
      await worker.close();
    }
  }, 90_000);

  it('a worker killed mid-send delivers the email exactly once after the restart', async () => {
    const { spawn } = await import('node:child_process');
    const { join } = await import('node:path');
    const main = join(__dirname, '..', '..', 'dist', 'apps', 'worker', 'apps', 'worker', 'src', 'main.js');
    const env = {
      ...process.env,
      REDIS_URL: redis.url,
      SMTP_URL: smtpUrl,
      OUTBOX_RELAY_INTERVAL_MS: '100',
      NODE_ENV: 'test',
    };
    const clinic = await createClinic(db);
    const person = await createStaff(db, clinic);

    // A real worker process, stuck inside an SMTP conversation when it is killed.
    smtp.holdReplies = true;
    const child = spawn(process.execPath, [main], { env, stdio: 'ignore' });
    const deliveryId = await db.transaction((m) =>
      queueEmailInTransaction(m, {
        clinicId: clinic.id,
        template: 'smtp-check',
        subjectIds: { staffUserId: person.id },
        idempotencyKey: `killed-${person.id}`,
      }),
    );
    const started = Date.now();
    while (smtp.held === 0) {
      if (Date.now() - started > 30_000) throw new Error('the worker never reached the SMTP server');
      await new Promise((r) => setTimeout(r, 50));
    }
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGKILL');
    });
    smtp.holdReplies = false;
    expect(smtp.messagesTo(person.email)).toHaveLength(0);
    // The killed transaction rolled back with its connection: the ledger row is still pending.
    expect((await db.getRepository(EmailDelivery).findOneByOrFail({ id: deliveryId })).status).toBe('pending');

    // Restart: BullMQ's stalled-job check hands the job to the new worker once the lock expires.
    const worker = await createWorkerApp(loadConfig(env));
    try {
      await smtp.waitForMessageTo(person.email, /email check/i, 100_000);
      await new Promise((r) => setTimeout(r, 1000));
      expect(smtp.messagesTo(person.email)).toHaveLength(1);
      expect((await db.getRepository(EmailDelivery).findOneByOrFail({ id: deliveryId })).status).toBe('sent');
    } finally {
      await worker.close();
    }
  }, 150_000);

  it("a worker killed after SMTP accepted and before its commit: the delivered email's link works", async () => {
    const { spawn } = await import('node:child_process');
    const { join } = await import('node:path');
    const main = join(__dirname, '..', '..', 'dist', 'apps', 'worker', 'apps', 'worker', 'src', 'main.js');
    const workerEnv = { ...env(), NODE_ENV: 'test' };
    const app: NestFastifyApplication = await createTestApp(env());
    const clinic = await createClinic(db);
    const person = await createStaff(db, clinic);
    await setPassword(db, person);

    // The mail server records the message as delivered, then the worker dies before it hears
    // "250" and so before its transaction commits: the link it stored with the send is lost.
    const child = spawn(process.execPath, [main], { env: workerEnv, stdio: 'ignore' });
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    smtp.onAccepted = (email) => {
      if (email.to.includes(person.email)) child.kill('SIGKILL');
    };
    try {
      await request(app.getHttpServer()).post('/api/v1/auth/password-reset').send({ email: person.email }).expect(202);
      const first = await smtp.waitForMessageTo(person.email, /reset/i, 30_000);
      await exited;
      smtp.onAccepted = null;
      const [delivery] = await db
        .getRepository(EmailDelivery)
        .findBy({ template: 'password-reset', clinicId: clinic.id });
      expect(delivery.status).toBe('pending');

      // Restart: the stalled job is sent again, same Message-ID, new secret; a receiver drops it.
      const worker = await createWorkerApp(loadConfig(workerEnv));
      try {
        await eventually(async () => expect(smtp.messagesTo(person.email)).toHaveLength(2), 100_000);
        const messageId = (raw: string) => /^Message-ID:\s*(\S+)/im.exec(raw)?.[1];
        const [, resent] = smtp.messagesTo(person.email);
        expect(messageId(resent.raw)).toBe(messageId(first.raw));
        await eventually(async () =>
          expect((await db.getRepository(EmailDelivery).findOneByOrFail({ id: delivery.id })).status).toBe('sent'),
        );
        // The email the person kept is the first one: its link works, once.
        const { token } = await followEmailedLink(app.getHttpServer(), first.raw, 'password-reset');
        await request(app.getHttpServer())
          .post('/api/v1/auth/password-reset/confirm')
          .send({ token, password: 'quiet meadow copper kite' })
          .expect(200);
        await request(app.getHttpServer())
          .post('/api/v1/auth/password-reset/lookup')
          .send({ token: tokenFromEmail(resent.raw, 'password-reset') })
          .expect(404);
      } finally {
        await worker.close();
      }
    } finally {
      smtp.onAccepted = null;
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await app.close();
    }
  }, 150_000);
});
