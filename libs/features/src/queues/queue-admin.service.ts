import {
  ConflictException,
  HttpException,
  Inject,
  Injectable,
  NotFoundException,
  OnModuleDestroy,
  ServiceUnavailableException,
} from '@nestjs/common';
import { Job, Queue } from 'bullmq';
import type Redis from 'ioredis';
import { AppConfig } from '@trellis/config';
import type { JobState, JobView, ListResponse, QueueCounts } from '@trellis/contracts';
import { JOB_STATES } from '@trellis/contracts';
import { createFailFastRedis, QueueName } from '@trellis/jobs';
import { APP_CONFIG } from '../config/config.tokens';

// Failed and delayed sets stay small in a healthy system; scanning a bounded window keeps the
// per-clinic filter cheap even when a backlog builds up.
const JOB_SCAN_LIMIT = 2000;

function payloadClinicId(data: string): unknown {
  try {
    return (JSON.parse(data) as { clinicId?: unknown } | null)?.clinicId;
  } catch {
    return undefined;
  }
}

function toView(queue: string, job: Job, state: JobState): JobView {
  return {
    id: String(job.id),
    queue,
    name: job.name,
    state,
    data: job.data as Record<string, unknown>,
    attemptsMade: job.attemptsMade,
    maxAttempts: job.opts.attempts ?? 1,
    failedReason: job.failedReason ?? null,
    createdAt: new Date(job.timestamp).toISOString(),
    processedAt: job.processedOn ? new Date(job.processedOn).toISOString() : null,
    finishedAt: job.finishedOn ? new Date(job.finishedOn).toISOString() : null,
    delayUntil: job.delay ? new Date(job.timestamp + job.delay).toISOString() : null,
  };
}

/**
 * The job queues as admins see them. Queues are shared by every clinic, but payloads hold only
 * ids, so the view shows no clinical text. Redis down is a 503, never a hang.
 */
@Injectable()
export class QueueAdminService implements OnModuleDestroy {
  private readonly connection: Redis;
  private readonly queues: Map<string, Queue>;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.connection = createFailFastRedis(config.redis.url).on('error', () => undefined);
    this.queues = new Map(
      Object.values(QueueName).map((name) => {
        const queue = new Queue(name, { connection: this.connection, prefix: config.redis.queuePrefix });
        // Redis being down is answered per request (503); don't also log every reconnect attempt.
        queue.on('error', () => undefined);
        return [name, queue];
      }),
    );
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.all([...this.queues.values()].map((q) => q.close()));
    this.connection.disconnect();
  }

  private queue(name: string): Queue {
    const queue = this.queues.get(name);
    if (!queue) throw new NotFoundException('No such queue.');
    return queue;
  }

  private async redis<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      // Our own answers (404, 409) pass through; only a failure to reach Redis is a 503.
      if (error instanceof HttpException) throw error;
      throw new ServiceUnavailableException('The job queues cannot be reached right now (Redis is unavailable).');
    }
  }

  /**
   * One clinic's job counts per queue and state: exactly the `total` its job lists show. Queues are
   * shared by all clinics, so BullMQ's own counts (totals over every clinic) are never shown; each
   * state's window is the one `jobs` scans, and only each job's payload is read (one pipelined
   * HGET per window), not the whole job.
   */
  counts(clinicId: string): Promise<QueueCounts[]> {
    return this.redis(() =>
      Promise.all(
        [...this.queues.entries()].map(async ([name, queue]) => {
          const perState = await Promise.all(
            JOB_STATES.map(async (state) => [state, await this.countOwn(queue, state, clinicId)] as const),
          );
          return { name, counts: Object.fromEntries(perState) as Record<JobState, number> };
        }),
      ),
    );
  }

  /** The same window as `jobs` (newest first, bounded), counting payloads that carry this clinic's id. */
  private async countOwn(queue: Queue, state: JobState, clinicId: string): Promise<number> {
    const ids = await queue.getRanges([state], 0, JOB_SCAN_LIMIT - 1, state !== 'delayed');
    if (ids.length === 0) return 0;
    const pipeline = this.connection.pipeline();
    for (const id of ids) pipeline.hget(queue.toKey(id), 'data');
    const replies = (await pipeline.exec()) ?? [];
    let count = 0;
    for (const [error, data] of replies) {
      if (error || typeof data !== 'string') continue; // removed since the range was read: `jobs` skips it too
      if (payloadClinicId(data) === clinicId) count++;
    }
    return count;
  }

  /**
   * One clinic's jobs in one state. Queues are shared by all clinics, so jobs are scanned newest
   * first (bounded) and filtered by the clinic id every payload carries.
   */
  jobs(clinicId: string, name: string, state: JobState, page: number, perPage: number): Promise<ListResponse<JobView>> {
    const queue = this.queue(name);
    return this.redis(async () => {
      const scanned = await queue.getJobs([state], 0, JOB_SCAN_LIMIT - 1, state !== 'delayed');
      const mine = scanned.filter((job) => job && job.data?.clinicId === clinicId);
      const start = (page - 1) * perPage;
      return { data: mine.slice(start, start + perPage).map((job) => toView(name, job, state)), total: mine.length };
    });
  }

  private async ownJob(clinicId: string, name: string, id: string): Promise<Job> {
    const job = await this.queue(name).getJob(id);
    // Another clinic's job is indistinguishable from a missing one.
    if (!job || job.data?.clinicId !== clinicId) throw new NotFoundException('No such job.');
    return job;
  }

  async retry(clinicId: string, name: string, id: string): Promise<void> {
    await this.redis(async () => {
      const job = await this.ownJob(clinicId, name, id);
      if (!(await job.isFailed())) throw new NotFoundException('No failed job with that id.');
      await job.retry('failed');
    });
  }

  async remove(clinicId: string, name: string, id: string): Promise<void> {
    await this.redis(async () => {
      const job = await this.ownJob(clinicId, name, id);
      // A run made by a repeating schedule cannot be removed on its own (BullMQ refuses): the
      // schedule would make the next one anyway. Weekly digests follow the active therapists.
      if (job.repeatJobKey) {
        throw new ConflictException(
          'This run belongs to a repeating schedule (a therapist’s weekly digest), which makes a new run each week. ' +
            'It stops when that therapist turns weekly digests off (on their Digests page) or is deactivated.',
        );
      }
      if (await job.isActive()) throw new ConflictException('This job is running now: try again when it has finished.');
      await job.remove();
    });
  }
}
