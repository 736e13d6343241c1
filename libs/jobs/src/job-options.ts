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
  [QueueName.Accounts]: {
    // A reset request touches only PostgreSQL (the email is its own job): 5 tries over ~15 minutes
    // rides out a restart; a request still failing after that is for admins to see, not to retry forever.
    attempts: 5,
    backoff: { type: 'exponential', delay: 30_000 },
    removeOnComplete: { age: 24 * 3600, count: 10_000 },
    removeOnFail: { age: 30 * 24 * 3600 },
  },
  [QueueName.CheckIns]: {
    // Planning and sending only touch PostgreSQL (the email is its own job): 5 tries over ~15
    // minutes covers a restart. Completed sends are kept a week so a re-added id is ignored.
    attempts: 5,
    backoff: { type: 'exponential', delay: 30_000 },
    removeOnComplete: { age: 7 * 24 * 3600, count: 50_000 },
    removeOnFail: { age: 30 * 24 * 3600 },
  },
  [QueueName.Agreements]: {
    // As check-ins: planning and sending only touch PostgreSQL (the email is its own job). Completed
    // sends are kept a week so a re-added id is ignored.
    attempts: 5,
    backoff: { type: 'exponential', delay: 30_000 },
    removeOnComplete: { age: 7 * 24 * 3600, count: 50_000 },
    removeOnFail: { age: 30 * 24 * 3600 },
  },
};
