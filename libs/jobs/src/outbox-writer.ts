import type { EntityManager } from 'typeorm';
import { JOB_QUEUE, JobName, JobPayloads } from './job-types';

export interface OutboxJob<J extends JobName> {
  name: J;
  data: JobPayloads[J];
  /** Deterministic id: the same logical job is never queued twice. BullMQ forbids ':' in ids. */
  jobId: string;
  runAt?: Date;
}

/**
 * Records a job in the outbox using the caller's transaction: it reaches Redis only if the
 * transaction commits, and it survives a Redis outage.
 */
export async function enqueueInTransaction<J extends JobName>(
  manager: EntityManager,
  job: OutboxJob<J>,
): Promise<void> {
  if (job.jobId.includes(':')) throw new Error(`BullMQ job ids cannot contain ':' (got "${job.jobId}")`);
  await manager.query(`INSERT INTO outbox (queue, job_name, payload, job_id, run_at) VALUES ($1, $2, $3, $4, $5)`, [
    JOB_QUEUE[job.name],
    job.name,
    JSON.stringify(job.data),
    job.jobId,
    job.runAt ?? null,
  ]);
}

/** Any job with its own payload type: a list of these may mix job names and stay type-checked. */
export type AnyOutboxJob = { [J in JobName]: OutboxJob<J> }[JobName];

/** The outbox columns of `jobs` as arrays for `unnest`: payloads are serialised here, from typed objects. */
export function outboxColumns(jobs: readonly AnyOutboxJob[]) {
  for (const job of jobs) {
    if (job.jobId.includes(':')) throw new Error(`BullMQ job ids cannot contain ':' (got "${job.jobId}")`);
  }
  return {
    queues: jobs.map((job) => JOB_QUEUE[job.name]),
    names: jobs.map((job) => job.name),
    payloads: jobs.map((job) => JSON.stringify(job.data)),
    jobIds: jobs.map((job) => job.jobId),
    runAts: jobs.map((job) => job.runAt ?? null),
  };
}

/** Records many jobs in the outbox in one statement, in the caller's transaction. */
export async function enqueueManyInTransaction(manager: EntityManager, jobs: readonly AnyOutboxJob[]): Promise<void> {
  if (jobs.length === 0) return;
  const c = outboxColumns(jobs);
  await manager.query(
    `INSERT INTO outbox (queue, job_name, payload, job_id, run_at)
     SELECT * FROM unnest($1::text[], $2::text[], $3::jsonb[], $4::text[], $5::timestamptz[])`,
    [c.queues, c.names, c.payloads, c.jobIds, c.runAts],
  );
}
