import type { DataSource } from 'typeorm';

export interface OutboxBacklog {
  rows: number;
  oldestAgeSeconds: number;
}

/**
 * Rows not yet relayed to Redis and the age of the oldest. Both read the partial index on pending
 * rows (outbox_pending_idx), so the cost follows the backlog, not the table.
 */
export async function readOutboxBacklog(dataSource: DataSource): Promise<OutboxBacklog> {
  const [row] = await dataSource.query(
    `SELECT count(*)::int AS rows,
            coalesce(extract(epoch FROM now() - (SELECT created_at FROM outbox
               WHERE relayed_at IS NULL ORDER BY id LIMIT 1)), 0)::float8 AS oldest
       FROM outbox WHERE relayed_at IS NULL`,
  );
  return { rows: row.rows, oldestAgeSeconds: row.oldest };
}
