import type { INestApplicationContext } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Queue } from 'bullmq';
import { createServer } from 'node:net';
import request from 'supertest';
import { DataSource, IsNull } from 'typeorm';
import { loadConfig } from '@trellis/config';
import { Exercise, HomeworkResponse } from '@trellis/data';
import { bullConnectionOptions, QueueName } from '@trellis/jobs';
import { createWorkerApp } from '../../apps/worker/src/create-worker-app';
import { createTestApp } from '../support/create-test-app';
import { until } from '../support/eventually';
import { createClinic, createCouple, createStaff } from '../support/factories';
import { setPassword, signIn } from '../support/sign-in';
import { SmtpCapture } from '../support/smtp-capture';
import { connectTestDatabase } from '../support/test-database';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Every sample of a Prometheus text exposition, keyed by `name{labels}` as printed. */
function samples(text: string): Map<string, number> {
  const map = new Map<string, number>();
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const at = line.lastIndexOf(' ');
    map.set(line.slice(0, at), Number(line.slice(at + 1)));
  }
  return map;
}

/** The sum of the samples named `name` whose labels include every pair in `labels`. */
function valueOf(all: Map<string, number>, name: string, labels: Record<string, string> = {}): number {
  let total = 0;
  let found = false;
  for (const [key, value] of all) {
    const brace = key.indexOf('{');
    if ((brace === -1 ? key : key.slice(0, brace)) !== name) continue;
    if (!Object.entries(labels).every(([k, v]) => key.includes(`${k}="${v}"`))) continue;
    total += value;
    found = true;
  }
  if (!found) throw new Error(`no sample ${name} ${JSON.stringify(labels)}`);
  return total;
}

describe('metrics: each process serves its own on METRICS_PORT, never on the public listener', () => {
  let db: DataSource;
  let app: NestFastifyApplication;
  let worker: INestApplicationContext;
  let mailbox: SmtpCapture;
  let reminders: Queue;
  let apiMetrics: string;
  let workerMetrics: string;

  const scrape = async (url: string) => {
    const res = await fetch(url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    return res.text();
  };

  beforeAll(async () => {
    db = await connectTestDatabase();
    mailbox = new SmtpCapture();
    const smtpUrl = await mailbox.start();
    const [apiPort, workerPort] = [await freePort(), await freePort()];
    app = await createTestApp({ METRICS_PORT: String(apiPort) });
    worker = await createWorkerApp(
      loadConfig({
        ...process.env,
        SMTP_URL: smtpUrl,
        OUTBOX_RELAY_INTERVAL_MS: '50',
        METRICS_PORT: String(workerPort),
      }),
    );
    apiMetrics = `http://127.0.0.1:${apiPort}/metrics`;
    workerMetrics = `http://127.0.0.1:${workerPort}/metrics`;
    reminders = new Queue(QueueName.Reminders, {
      connection: bullConnectionOptions(process.env.REDIS_URL as string),
      prefix: process.env.QUEUE_PREFIX,
    });
  });
  afterAll(async () => {
    await reminders.close();
    await worker.close();
    await app.close();
    await mailbox.stop();
    await db.destroy();
  });

  it('is not answered by the public listener, and metrics stay off unless METRICS_PORT is set', async () => {
    await request(app.getHttpServer()).get('/metrics').expect(404);
    await request(app.getHttpServer()).get('/api/v1/metrics').expect(404);
    expect(loadConfig({ ...process.env, METRICS_PORT: undefined }).metrics).toBeNull();
    const res = await fetch(apiMetrics.replace('/metrics', '/other'));
    expect(res.status).toBe(404);
  });

  it('moves after real work: requests by route template, pool, emails, queues, outbox and reminder lateness', async () => {
    const apiBefore = samples(await scrape(apiMetrics));
    const workerBefore = samples(await scrape(workerMetrics));
    const sentBefore = valueOf(workerBefore, 'trellis_emails_total', { outcome: 'sent' });
    const failedBefore = valueOf(workerBefore, 'trellis_emails_total', { outcome: 'failed' });
    const latenessBefore = valueOf(workerBefore, 'trellis_reminder_lateness_seconds_count');

    // A therapist assigns homework: one POST, two emails, reminders planned as delayed jobs.
    const clinic = await createClinic(db);
    const dana = await createStaff(db, clinic);
    await setPassword(db, dana);
    const { couple, partners } = await createCouple(db, clinic, dana);
    const asDana = await signIn(app, dana.email);
    const exercise = await db.getRepository(Exercise).findOneByOrFail({ clinicId: IsNull(), strategy: 'patience' });
    const assigned = await asDana.agent
      .post('/api/v1/assignments')
      .set('x-csrf-token', asDana.csrfToken)
      .send({ exerciseId: exercise.id, coupleIds: [couple.id], dueAt: new Date(Date.now() + 5 * 864e5).toISOString() })
      .expect(201);
    await asDana.agent.get(`/api/v1/couples/${couple.id}/assignments`).expect(200);
    await asDana.agent.get(`/api/v1/couples/00000000-0000-4000-8000-000000000000`).expect(404);
    await mailbox.waitForMessageTo(partners[0].email, /Homework from/);
    await mailbox.waitForMessageTo(partners[1].email, /Homework from/);

    const apiText = await scrape(apiMetrics);
    const api = samples(apiText);
    const count = (route: string, status: string, from: Map<string, number>) => {
      try {
        return valueOf(from, 'trellis_http_request_duration_seconds_count', { route, status });
      } catch {
        return 0;
      }
    };
    expect(count('/api/v1/assignments', '201', api) - count('/api/v1/assignments', '201', apiBefore)).toBe(1);
    expect(count('/api/v1/couples/:id/assignments', '200', api)).toBeGreaterThanOrEqual(1);
    expect(count('/api/v1/couples/:id', '404', api)).toBeGreaterThanOrEqual(1);
    // Templates, never paths: no id (and so no link token) becomes a label.
    expect(apiText).not.toContain(couple.id);
    expect(apiText).not.toContain(assigned.body.data[0].id);
    expect(valueOf(api, 'trellis_db_pool_connections', { state: 'open' })).toBeGreaterThan(0);
    expect(valueOf(api, 'trellis_db_pool_max')).toBe(loadConfig().database.poolSize);
    expect(valueOf(api, 'process_resident_memory_bytes')).toBeGreaterThan(0);

    const afterAssign = samples(await scrape(workerMetrics));
    expect(valueOf(afterAssign, 'trellis_emails_total', { outcome: 'sent' }) - sentBefore).toBeGreaterThanOrEqual(2);
    for (const queue of Object.values(QueueName)) {
      for (const state of ['waiting', 'active', 'delayed', 'failed']) {
        expect(valueOf(afterAssign, 'trellis_queue_jobs', { queue, state })).toBeGreaterThanOrEqual(0);
      }
    }
    expect(valueOf(afterAssign, 'trellis_db_pool_connections', { state: 'open' })).toBeGreaterThan(0);

    // The reminders planned by the assignment show as delayed jobs (counts are cached up to 5 s).
    await until(
      async () =>
        valueOf(samples(await scrape(workerMetrics)), 'trellis_queue_jobs', { queue: 'reminders', state: 'delayed' }) >=
        3,
      15_000,
      250,
    );

    // A reminder planned 300 ms ahead fires: one lateness observation, one more email sent.
    const response = await db
      .getRepository(HomeworkResponse)
      .findOneByOrFail({ assignmentId: assigned.body.data[0].id, clientId: partners[0].id });
    const [planned] = (await reminders.getDelayed()).filter((job) => job.data.responseId === response.id);
    await reminders.add('send-reminder', planned.data, { jobId: `metrics-${response.id}`, delay: 300 });
    await mailbox.waitForMessageTo(partners[0].email, /Reminder:/);
    const afterReminder = samples(await scrape(workerMetrics));
    expect(valueOf(afterReminder, 'trellis_reminder_lateness_seconds_count') - latenessBefore).toBe(1);
    expect(valueOf(afterReminder, 'trellis_reminder_lateness_seconds_sum')).toBeGreaterThanOrEqual(0);
    expect(valueOf(afterReminder, 'trellis_emails_total', { outcome: 'sent' }) - sentBefore).toBeGreaterThanOrEqual(3);

    // SMTP refuses: the next send counts as failed.
    mailbox.refuseWith = Object.assign(new Error('mailbox unavailable'), { responseCode: 450 });
    try {
      const other = await db
        .getRepository(HomeworkResponse)
        .findOneByOrFail({ assignmentId: assigned.body.data[0].id, clientId: partners[1].id });
      const [otherPlanned] = (await reminders.getDelayed()).filter((job) => job.data.responseId === other.id);
      await reminders.add('send-reminder', otherPlanned.data, { jobId: `metrics-${other.id}` });
      await until(
        async () =>
          valueOf(samples(await scrape(workerMetrics)), 'trellis_emails_total', { outcome: 'failed' }) > failedBefore,
      );
    } finally {
      mailbox.refuseWith = null;
    }

    // An outbox row that cannot be relayed (no such queue) is the backlog, and ages.
    await db.query(
      `INSERT INTO outbox (queue, job_name, payload, job_id, created_at) VALUES ('no-such-queue', 'x', '{}', 'metrics-stuck', now() - interval '90 seconds')`,
    );
    try {
      const stuck = await until(
        async () => {
          const now = samples(await scrape(workerMetrics));
          return valueOf(now, 'trellis_outbox_backlog_rows') >= 1 ? now : null;
        },
        15_000,
        250,
      );
      expect(valueOf(stuck, 'trellis_outbox_oldest_age_seconds')).toBeGreaterThanOrEqual(90);
    } finally {
      await db.query(`DELETE FROM outbox WHERE job_id = 'metrics-stuck'`);
    }
  });
});
