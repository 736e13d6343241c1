import { ChildProcess, execFile, spawn } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { bullConnectionOptions, JobName, QueueName } from '@trellis/jobs';
import { SCALE_CLINIC_ID, seedScaleClinic } from '../../apps/api/src/seed/scale-seed';
import { until } from '../support/eventually';
import { SmtpCapture } from '../support/smtp-capture';
import { connectTestDatabase } from '../support/test-database';
import { FULL, recordRatio, report } from './bench-report';

const JOBS = FULL ? 1000 : 300;
const WARM_UP = 50;
// A no-op job takes a fraction of a millisecond: more of them keep the baseline's timing above the noise.
const NOOP_JOBS = JOBS * 4;
const CONCURRENCY = 5;
// BENCH_WORKER_MAIN runs another build of the worker (to compare two versions of a change in one session).
const WORKER_MAIN =
  process.env.BENCH_WORKER_MAIN ??
  join(__dirname, '..', '..', 'dist', 'apps', 'worker', 'apps', 'worker', 'src', 'main.js');

/** Starts a process and resolves once `ready(output so far)` holds (or fails if it exits first). */
function startProcess(
  args: string[],
  env: NodeJS.ProcessEnv,
  ready: (output: string) => boolean,
): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (ready(output)) resolve(child);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) =>
      reject(new Error(`process exited (${code}) before it was ready:\n${output.slice(-2000)}`)),
    );
  });
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/**
 * The reminder pipeline — state check, ledger row, link, render, SMTP to a local listener — against
 * SMTP alone: the worker's own mail sender and reminder template sending as many emails at the same
 * parallelism, with no queue and no database. That is the part of the pipeline we control: the
 * recorded ratio is the pipeline's emails per second over SMTP alone's (floor 0.4: the queue and
 * database work per reminder may take up to 1.5 times the email's own SMTP time; measured 0.46–0.52
 * with the batched sender, 0.26–0.28 with a plain one-job-one-email version, docs/benchmarks.md).
 * A bare BullMQ worker with a no-op processor on the same Redis at the same concurrency is still
 * measured and printed for reference (the floor against it, 0.25, was out of reach: nodemailer
 * alone tops out near 0.25 of it here). Each worker runs in a process of its own, as in production
 * (the real one is the built worker), so this process — producer, counter and SMTP listener — stays
 * out of their event loops. Both are warmed up first, then timed from adding the jobs to the last
 * one done (the last email accepted).
 */
describe('jobs: reminder pipeline vs SMTP alone (and a no-op BullMQ worker)', () => {
  let db: DataSource;
  const connection = () => bullConnectionOptions(process.env.REDIS_URL as string);

  beforeAll(async () => {
    db = await connectTestDatabase();
    await seedScaleClinic(db, WARM_UP + JOBS);
  }, 120_000);
  afterAll(() => db.destroy());

  it('keeps the pipeline at ≥ 0.4× the throughput of SMTP alone with the same sender and template', async () => {
    // For reference (printed, not the floor): the same number of jobs through a processor that does nothing.
    const noopQueue = new Queue('bench-noop', { connection: connection(), prefix: process.env.QUEUE_PREFIX });
    const noop = await startProcess(
      [join(__dirname, 'noop-worker.mjs'), 'bench-noop', String(CONCURRENCY)],
      process.env,
      (out) => out.includes('ready'),
    );
    let baseMs: number;
    try {
      const addNoop = (count: number, from: number) =>
        noopQueue.addBulk(Array.from({ length: count }, (_, i) => ({ name: 'noop', data: { i: from + i } })));
      await addNoop(WARM_UP, 0);
      await until(async () => (await noopQueue.getCompletedCount()) >= WARM_UP, 30_000);
      const baseStart = Date.now();
      await addNoop(NOOP_JOBS, WARM_UP);
      await until(async () => (await noopQueue.getCompletedCount()) >= WARM_UP + NOOP_JOBS, 120_000, 20);
      // Timed to the last job's own finish, not to when the poll noticed it.
      const finished = (await noopQueue.getJobs(['completed'], 0, -1)).map((job) => job.finishedOn ?? 0);
      baseMs = Math.max(...finished) - baseStart;
    } finally {
      await stop(noop);
      await noopQueue.close();
    }

    // Pipeline: reminders firing for open responses, all the way to the SMTP listener.
    const open: { id: string; due: string }[] = await db.query(
      `SELECT r.id, floor(extract(epoch from a.due_at) * 1000)::bigint AS due
       FROM homework_response r JOIN assignment a ON a.id = r.assignment_id JOIN couple c ON c.id = a.couple_id
       WHERE r.clinic_id = $1 AND r.submitted_at IS NULL AND a.cancelled_at IS NULL AND a.reviewed_at IS NULL AND c.status = 'active'
       ORDER BY r.id LIMIT $2`,
      [SCALE_CLINIC_ID, WARM_UP + JOBS],
    );
    expect(open.length).toBe(WARM_UP + JOBS);
    const smtp = new SmtpCapture();
    const smtpUrl = await smtp.start();
    // BENCH_CPU_PROFILE=<dir> writes the worker's CPU profile there (open it in Chrome DevTools).
    const profile = process.env.BENCH_CPU_PROFILE
      ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROFILE}`]
      : [];
    const worker = await startProcess(
      [...profile, WORKER_MAIN],
      {
        ...process.env,
        SMTP_URL: smtpUrl,
        WORKER_CONCURRENCY: String(CONCURRENCY),
        OUTBOX_RELAY_INTERVAL_MS: '20',
        NODE_ENV: 'test',
        LOG_LEVEL: 'log',
      },
      (out) => out.includes('Trellis worker running'),
    );
    const reminders = new Queue(QueueName.Reminders, { connection: connection(), prefix: process.env.QUEUE_PREFIX });
    try {
      const fire = (rows: typeof open, from: number) =>
        reminders.addBulk(
          rows.map((r, i) => ({
            name: JobName.SendReminder,
            data: { responseId: r.id, clinicId: SCALE_CLINIC_ID, n: 1, dueAtMs: Number(r.due) },
            opts: { jobId: `bench-reminder-${from + i}` },
          })),
        );
      await fire(open.slice(0, WARM_UP), 0);
      await smtp.waitFor(WARM_UP, 60_000);
      const start = Date.now();
      await fire(open.slice(WARM_UP), WARM_UP);
      await smtp.waitFor(WARM_UP + JOBS, 300_000);
      const pipeMs = Math.max(...smtp.messages.map((m) => m.acceptedAt)) - start;
      const noopRate = (NOOP_JOBS / baseMs) * 1000;
      const pipeRate = (JOBS / pipeMs) * 1000;
      // SMTP alone: the same mail sender and template with no queue and no database, same parallelism.
      // Run asynchronously: the listener lives in this process and must keep answering.
      const { stdout } = await promisify(execFile)(
        process.execPath,
        [join(__dirname, 'smtp-only.cjs'), smtpUrl, String(JOBS), String(CONCURRENCY)],
        { encoding: 'utf8' },
      );
      const smtpOnly = Number(stdout.trim());
      const ratio = pipeRate / smtpOnly;
      report(
        `jobs, ${JOBS} at concurrency ${CONCURRENCY}, each worker in its own process: reminder pipeline to SMTP ${pipeRate.toFixed(0)} emails/s; ` +
          `SMTP alone (same sender and template, no queue, no database) ${smtpOnly.toFixed(0)} emails/s; ratio ${ratio.toFixed(2)} (floor 0.4); ` +
          `for reference, no-op worker ${noopRate.toFixed(0)} jobs/s (${NOOP_JOBS} jobs): pipeline at ${(pipeRate / noopRate).toFixed(2)} of it, SMTP alone at ${(smtpOnly / noopRate).toFixed(2)}`,
      );
      // Every reminder once: nothing lost, nothing doubled.
      expect(smtp.messages.filter((m) => !m.to[0].endsWith('@smtp-only.trellis.test')).length).toBe(WARM_UP + JOBS);
      recordRatio({ name: 'jobs: reminder pipeline vs SMTP alone', ratio, bound: 'atLeast', limit: 0.4 });
    } finally {
      await reminders.close();
      await stop(worker);
      await smtp.stop();
    }
  }, 600_000);
});
