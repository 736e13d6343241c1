import type { JobsOptions } from 'bullmq';
import { QueueName } from './job-types';

/** Default options per queue, with the reason for each number. */
export const QUEUE_JOB_OPTIONS: Record<QueueName, JobsOptions> = {
  [QueueName.Email]: {
    // 8 tries with 30 s * 2^n backoff ≈ 2 hours of retrying: rides out an SMTP outage without
    // leaving an invitation stuck for days; after that the job stays failed and visible to admins.
    attempts: 8,
    backoff: { type: 'exponential', delay: 30_000 },
    // Completed jobs are kept a day so a deterministic jobId re-added by the relay is ignored.
    removeOnComplete: { age: 24 * 3600, count: 10_000 },
    // Failed jobs stay for admins to inspect and retry.
    removeOnFail: { age: 30 * 24 * 3600 },
  },
  [QueueName.Reminders]: {
    // Planning and state checks only touch PostgreSQL: 5 tries over ~15 minutes covers a restart.
    attempts: 5,
    backoff: { type: 'exponential', delay: 30_000 },
    removeOnComplete: { age: 7 * 24 * 3600, count: 50_000 },
    removeOnFail: { age: 30 * 24 * 3600 },
  },
  [QueueName.Digests]: {
    // Digests read a week of data; 5 tries over ~30 minutes rides out a database restart.
    attempts: 5,
    backoff: { type: 'exponential', delay: 60_000 },
    removeOnComplete: { age: 14 * 24 * 3600, count: 10_000 },
    removeOnFail: { age: 30 * 24 * 3600 },
  },
};
