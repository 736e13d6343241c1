import { Queue } from 'bullmq';
import { QUEUE_JOB_OPTIONS, QueueName } from '@trellis/jobs';

/** The digests queue's name before it was renamed (jobs may still wait there after an upgrade). */
export const LEGACY_DIGESTS_QUEUE = 'summaries';

/**
 * Moves the jobs still waiting in the old `summaries` queue to `digests`, keeping each job's id,
 * payload and remaining delay, so an upgrade loses no pre-session digest already planned. Weekly
 * schedulers are dropped rather than moved: the schedule sync that runs at every worker start
 * recreates them in the new queue. Safe when several workers start at once: a job re-added with
 * the same id is ignored by BullMQ, and removing a job already removed is a no-op.
 */
export async function moveLegacyDigestJobs(legacy: Queue, digests: Queue, now = Date.now()): Promise<number> {
  let moved = 0;
  for (const job of await legacy.getJobs(['waiting', 'delayed', 'prioritized'])) {
    if (!job?.id || job.repeatJobKey) continue;
    const runAt = job.timestamp + (job.delay ?? 0);
    await digests.add(job.name, job.data, {
      ...QUEUE_JOB_OPTIONS[QueueName.Digests],
      jobId: job.id,
      delay: Math.max(0, runAt - now),
    });
    await job.remove().catch(() => undefined);
    moved += 1;
  }
  for (const scheduler of await legacy.getJobSchedulers(0, -1)) {
    const key = scheduler.key ?? scheduler.id;
    if (key) await legacy.removeJobScheduler(key);
  }
  return moved;
}
