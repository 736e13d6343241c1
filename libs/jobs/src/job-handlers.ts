import { Job, UnrecoverableError } from 'bullmq';
import { JobName, JobNameOn, JobPayloads, QueueName } from './job-types';

/** A job of name J as the worker receives it: its data typed by `JobPayloads`. */
export type TypedJob<J extends JobName> = Job<JobPayloads[J], void, J>;

/**
 * One handler per job of queue Q. Writing the map is where a processor's types come from: a job
 * added to `JobQueues` without a handler here is a compile error, and each handler receives its
 * own payload type, so no processor casts `job.data`.
 */
export type JobHandlers<Q extends QueueName> = {
  [J in JobNameOn<Q>]: (data: JobPayloads[J], job: TypedJob<J>) => Promise<void>;
};

/**
 * Runs the handler for `job.name`. A name this worker does not know (a job from a newer release
 * during a rolling deploy) fails without retries and stays visible in the failed list, rather
 * than completing as if it had been done.
 */
export function runJob<Q extends QueueName>(handlers: JobHandlers<Q>, job: Job): Promise<void> {
  // The one place a payload's type is asserted: what Redis hands back is trusted to match its
  // name because only `JobPayloads`-typed producers (the outbox writer, the typed queues) add jobs.
  const handler = (handlers as unknown as Record<string, ((data: unknown, job: Job) => Promise<void>) | undefined>)[
    job.name
  ];
  if (!handler) throw new UnrecoverableError(`no handler for job "${job.name}" on this queue`);
  return handler(job.data, job);
}
