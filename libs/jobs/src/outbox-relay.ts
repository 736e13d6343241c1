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
    // One bulk add per queue and one UPDATE for the batch: a round trip per row capped the relay.
    const byQueue = new Map<QueueName, OutboxMessage[]>();
    for (const row of rows) byQueue.set(row.queue as QueueName, [...(byQueue.get(row.queue as QueueName) ?? []), row]);
    let relayed = 0;
    let failed = 0;
    for (const [name, batch] of byQueue) {
      const queue = queues.get(name);
      try {
        if (!queue) throw new Error(`no queue named "${name}"`);
        await queue.addBulk(
          batch.map((row) => ({
            name: row.jobName,
            data: row.payload,
            opts: {
              ...QUEUE_JOB_OPTIONS[name],
              jobId: row.jobId,
              delay: row.runAt ? Math.max(0, row.runAt.getTime() - now().getTime()) : 0,
            },
          })),
        );
        await manager.query(`UPDATE outbox SET relayed_at = $2, last_error = NULL WHERE id = ANY($1::bigint[])`, [
          batch.map((r) => r.id),
          now(),
        ]);
        relayed += batch.length;
      } catch (error) {
        // Redis down (or an unknown queue): the rows wait in PostgreSQL for the next tick.
        failed += batch.length;
        await manager.query(
          `UPDATE outbox SET relay_attempts = relay_attempts + 1, last_error = $2 WHERE id = ANY($1::bigint[])`,
          [batch.map((r) => r.id), String((error as Error).message ?? error).slice(0, 500)],
        );
      }
    }
    return { relayed, failed };
  });
}
