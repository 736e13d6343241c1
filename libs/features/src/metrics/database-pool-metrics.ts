import { Gauge, Registry } from 'prom-client';
import type { DataSource } from 'typeorm';

/** The parts of pg's Pool the gauges read (TypeORM's PostgreSQL driver keeps it as `master`). */
interface PgPool {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
  options?: { max?: number };
}

/**
 * Connection pool use, read on scrape: `waiting` above zero means requests queue for a connection
 * (raise DATABASE_POOL_SIZE or add PgBouncer; README, "Sizing").
 */
export function registerDatabasePoolMetrics(registry: Registry, dataSource: DataSource): void {
  const pool = () => (dataSource.driver as unknown as { master?: PgPool }).master;
  new Gauge({
    name: 'trellis_db_pool_connections',
    help: 'PostgreSQL pool connections by state (open = in use + idle; waiting = callers queued for one)',
    labelNames: ['state'],
    registers: [registry],
    collect() {
      const p = pool();
      if (!p) return;
      this.set({ state: 'open' }, p.totalCount);
      this.set({ state: 'idle' }, p.idleCount);
      this.set({ state: 'in_use' }, p.totalCount - p.idleCount);
      this.set({ state: 'waiting' }, p.waitingCount);
    },
  });
  new Gauge({
    name: 'trellis_db_pool_max',
    help: 'Most connections this process opens (DATABASE_POOL_SIZE)',
    registers: [registry],
    collect() {
      const max = pool()?.options?.max;
      if (max !== undefined) this.set(max);
    },
  });
}
