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
