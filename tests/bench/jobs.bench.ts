import type { INestApplicationContext } from '@nestjs/common';
import { Queue, Worker } from 'bullmq';
import { DataSource } from 'typeorm';
import { loadConfig } from '@trellis/config';
import { bullConnectionOptions, JobName, QueueName } from '@trellis/jobs';
import { createWorkerApp } from '../../apps/worker/src/create-worker-app';
import { SCALE_CLINIC_ID, seedScaleClinic } from '../../apps/api/src/seed/scale-seed';
import { SmtpCapture } from '../support/smtp-capture';
import { connectTestDatabase } from '../support/test-database';
import { FULL, recordRatio, report } from './bench-report';

const JOBS = FULL ? 1000 : 200;
const CONCURRENCY = 5;

/**
 * The reminder pipeline — state check, ledger row, outbox relay, render, SMTP to a local listener —
 * against a bare BullMQ worker with a no-op processor on the same Redis at the same concurrency.
 */
describe('jobs: reminder pipeline vs a no-op BullMQ worker', () => {
  let db: DataSource;
  const connection = () => bullConnectionOptions(process.env.REDIS_URL as string);

  beforeAll(async () => {
    db = await connectTestDatabase();
    await seedScaleClinic(db, JOBS);
  }, 120_000);
  afterAll(() => db.destroy());

  it('keeps the pipeline at ≥ 0.25× the throughput of a no-op worker', async () => {
    // Baseline: the same number of jobs through a processor that does nothing.
    const noopQueue = new Queue('bench-noop', { connection: connection(), prefix: process.env.QUEUE_PREFIX });
    let done = 0;
    const noop = new Worker('bench-noop', async () => undefined, { connection: connection(), prefix: process.env.QUEUE_PREFIX, concurrency: CONCURRENCY });
    noop.on('completed', () => (done += 1));
    const baseStart = Date.now();
    await noopQueue.addBulk(Array.from({ length: JOBS }, (_, i) => ({ name: 'noop', data: { i } })));
    while (done < JOBS) await new Promise((r) => setTimeout(r, 10));
    const baseMs = Date.now() - baseStart;
    await noop.close();
    await noopQueue.close();

    // Pipeline: reminders firing for open responses, all the way to the SMTP listener.
    const open: { id: string; due: string }[] = await db.query(
      `SELECT r.id, (extract(epoch from a.due_at) * 1000)::bigint AS due
       FROM homework_response r JOIN assignment a ON a.id = r.assignment_id JOIN couple c ON c.id = a.couple_id
       WHERE r.clinic_id = $1 AND r.submitted_at IS NULL AND a.cancelled_at IS NULL AND a.reviewed_at IS NULL AND c.status = 'active'
       ORDER BY r.id LIMIT $2`,
      [SCALE_CLINIC_ID, JOBS],
    );
    expect(open.length).toBe(JOBS);
    const smtp = new SmtpCapture();
    const smtpUrl = await smtp.start();
    const worker: INestApplicationContext = await createWorkerApp(loadConfig({ ...process.env, SMTP_URL: smtpUrl, OUTBOX_RELAY_INTERVAL_MS: '20', WORKER_CONCURRENCY: String(CONCURRENCY) }));
    const reminders = new Queue(QueueName.Reminders, { connection: connection(), prefix: process.env.QUEUE_PREFIX });
    try {
      const start = Date.now();
      await reminders.addBulk(open.map((r, i) => ({ name: JobName.SendReminder, data: { responseId: r.id, clinicId: SCALE_CLINIC_ID, n: 1, dueAtMs: Number(r.due) }, opts: { jobId: `bench-reminder-${i}` } })));
      await smtp.waitFor(JOBS, 300_000);
      const pipeMs = Date.now() - start;
      const ratio = (JOBS / pipeMs) / (JOBS / baseMs);
      report(`jobs, ${JOBS} at concurrency ${CONCURRENCY}: no-op worker ${((JOBS / baseMs) * 1000).toFixed(0)} jobs/s; reminder pipeline to SMTP ${((JOBS / pipeMs) * 1000).toFixed(0)} emails/s; ratio ${ratio.toFixed(2)} (floor 0.25)`);
      expect(smtp.messages.length).toBe(JOBS);
      recordRatio({ name: 'jobs: reminder pipeline vs no-op worker', ratio, bound: 'atLeast', limit: 0.25 });
    } finally {
      await reminders.close();
      await worker.close();
      await smtp.stop();
    }
  }, 600_000);
});
