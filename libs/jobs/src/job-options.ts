import type { JobsOptions } from 'bullmq';
import { QueueName } from './job-types';

const DAY_SECONDS = 24 * 3600;

/**
 * A queue whose jobs only read and write PostgreSQL (any email is a job of its own): 5 tries over
 * ~15 minutes covers a restart; completed jobs are kept `keepDays`, longer than any id could be
 * re-added by the relay, so a deterministic id is ignored rather than re-run; failed jobs stay
 * 30 days for admins.
 */
function databaseOnlyQueue(keepDays: number): JobsOptions {
  return {
    attempts: 5,
    backoff: { type: 'exponential', delay: 30_000 },
    removeOnComplete: { age: keepDays * DAY_SECONDS, count: 50_000 },
    removeOnFail: { age: 30 * DAY_SECONDS },
  };
}

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
  // Planning and state checks only touch PostgreSQL: 5 tries over ~15 minutes covers a restart.
  [QueueName.Reminders]: databaseOnlyQueue(7),
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
  // Planning and sending only touch PostgreSQL (the email is its own job): 5 tries over ~15
  // minutes covers a restart. Completed sends are kept a week so a re-added id is ignored.
  [QueueName.CheckIns]: databaseOnlyQueue(7),
  // Issuing touches only PostgreSQL (emails and reminders are their own jobs): 5 tries over ~15
  // minutes covers a restart. Completed jobs are kept 30 days, longer than any gap between
  // occurrences, so a deterministic id re-added by the relay is ignored rather than re-run.
  [QueueName.AssignmentSeries]: databaseOnlyQueue(30),
  // Advancing reads and writes PostgreSQL only (the homework's emails are their own jobs): 5 tries
  // over ~15 minutes covers a restart. Completed jobs are kept a week so a re-added id is ignored.
  [QueueName.Programs]: databaseOnlyQueue(7),
  // Reminder checks and the roll-forward sweep only touch PostgreSQL (the email is its own job):
  // 5 tries over ~15 minutes covers a restart. Completed reminders are kept past their session so
  // a deterministic id re-added by the relay is ignored.
  [QueueName.Sessions]: databaseOnlyQueue(7),
  // As check-ins: planning and sending only touch PostgreSQL (the email is its own job).
  [QueueName.Agreements]: databaseOnlyQueue(7),
};
