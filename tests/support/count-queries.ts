import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';

/**
 * Counts SQL statements sent to PostgreSQL while `work` runs (every TypeORM query goes through a
 * PostgresQueryRunner). Used to prove list endpoints cost the same number of queries at any page size.
 */
export async function countQueries(work: () => Promise<unknown>): Promise<number> {
  const original = PostgresQueryRunner.prototype.query;
  let count = 0;
  PostgresQueryRunner.prototype.query = function (this: PostgresQueryRunner, ...args: Parameters<typeof original>) {
    count += 1;
    return original.apply(this, args);
  } as typeof original;
  try {
    await work();
  } finally {
    PostgresQueryRunner.prototype.query = original;
  }
  return count;
}
