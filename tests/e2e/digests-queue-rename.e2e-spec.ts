import { randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import { bullConnectionOptions, JobName, QueueName } from '@trellis/jobs';
import { startWorkerWithMailbox } from '../support/worker-harness';
import { until } from '../support/eventually';

const HOUR = 3600 * 1000;

// The digests queue used to be called `summaries`. A deployment upgraded with digests still
// planned in the old queue must deliver them from the new one, at the same time, exactly once.
describe('upgrading from the summaries queue to digests', () => {
  let legacy: Queue;
  let digests: Queue;

  beforeAll(() => {
    // Read here, not when the file loads: each test file gets its own prefix just before its tests.
    const connection = bullConnectionOptions(process.env.REDIS_URL as string);
    const prefix = process.env.QUEUE_PREFIX;
    legacy = new Queue('summaries', { connection, prefix });
    digests = new Queue(QueueName.Digests, { connection, prefix });
  });
  afterAll(async () => {
    await legacy.close();
    await digests.close();
  });

  it('moves planned jobs with their ids and remaining delay, and drops the old weekly schedulers', async () => {
    const coupleId = randomUUID();
    const therapistId = randomUUID();
    const clinicId = randomUUID();
    const sessionAtMs = Date.now() + 30 * HOUR;
    await legacy.add(
      JobName.PreSessionDigest,
      { coupleId, clinicId, sessionAtMs },
      { jobId: `pre-session-${coupleId}`, delay: 6 * HOUR },
    );
    await legacy.upsertJobScheduler(
      `weekly-digest-${therapistId}`,
      { pattern: '0 8 * * 1', tz: 'Europe/London' },
      { name: JobName.WeeklyDigest, data: { therapistId, clinicId } },
    );

    const harness = await startWorkerWithMailbox();
    try {
      const moved = await until(async () => digests.getJob(`pre-session-${coupleId}`));
      expect(moved.name).toBe(JobName.PreSessionDigest);
      expect(moved.data).toEqual({ coupleId, clinicId, sessionAtMs });
      expect(await moved.getState()).toBe('delayed');
      // Still due about six hours from now, not at once and not six hours after the move.
      const runAt = moved.timestamp + moved.delay;
      expect(Math.abs(runAt - (Date.now() + 6 * HOUR))).toBeLessThan(60_000);

      expect(await legacy.getJob(`pre-session-${coupleId}`)).toBeUndefined();
      expect(await legacy.getJobSchedulers(0, -1)).toEqual([]);
      expect(await legacy.getJobCounts('waiting', 'delayed', 'prioritized')).toEqual({
        waiting: 0,
        delayed: 0,
        prioritized: 0,
      });
    } finally {
      await harness.stop();
    }
  });
});
