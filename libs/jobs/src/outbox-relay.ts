import type { Queue } from 'bullmq';
import type { DataSource } from 'typeorm';
import { OutboxMessage } from '@trellis/data';
import { QUEUE_JOB_OPTIONS } from './job-options';
import { QueueName } from './job-types';

export interface RelayResult {
  relayed: number;
  failed: number;
}

/**
 * Moves waiting outbox rows to their BullMQ queues, oldest first. Rows are locked with SKIP LOCKED,
 * so several workers can relay at once without taking the same row; the deterministic jobId makes
 * a crash between "added" and "marked" harmless (BullMQ ignores a second add with the same id).
 */
export async function relayOutboxBatch(
  dataSource: DataSource,
  queues: Map<QueueName, Queue>,
  batchSize = 100,
  now: () => Date = () => new Date(),
): Promise<RelayResult> {
  return dataSource.transaction(async (manager) => {
    const rows: OutboxMessage[] = await manager
      .getRepository(OutboxMessage)
      .createQueryBuilder('o')
      .where('o.relayed_at IS NULL')
      .orderBy('o.id', 'ASC')
      .limit(batchSize)
      .setLock('pessimistic_write')
      .setOnLocked('skip_locked')
      .getMany();
    let relayed = 0;
    let failed = 0;
    let failedInARow = 0;
    for (const row of rows) {
      const queue = queues.get(row.queue as QueueName);
      try {
        if (!queue) throw new Error(`no queue named "${row.queue}"`);
        const delay = row.runAt ? Math.max(0, row.runAt.getTime() - now().getTime()) : 0;
        await queue.add(row.jobName, row.payload, {
          ...QUEUE_JOB_OPTIONS[row.queue as QueueName],
          jobId: row.jobId,
          delay,
        });
        await manager.update(OutboxMessage, { id: row.id }, { relayedAt: now(), lastError: null });
        relayed += 1;
        failedInARow = 0;
      } catch (error) {
        failed += 1;
        failedInARow += 1;
        await manager.update(OutboxMessage, { id: row.id }, {
          relayAttempts: () => 'relay_attempts + 1',
          lastError: String((error as Error).message ?? error).slice(0, 500),
        });
        // One bad row must not hold up the others, but several failures in a row mean Redis is
        // down: stop, and let the rows wait in PostgreSQL for the next tick.
        if (failedInARow >= 3) break;
      }
    }
    return { relayed, failed };
  });
}
