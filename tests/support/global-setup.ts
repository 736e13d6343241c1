import './register-source-paths';
import { randomBytes } from 'node:crypto';
import { createDatabaseIfMissing, createDataSource, syncBuiltInExercises } from '@trellis/data';

/**
 * One throw-away database per test run, migrated with the real migrations, and a Redis key prefix
 * of its own, so runs sharing a PostgreSQL or Redis never see each other's rows or jobs.
 * Test workers are spawned after this runs and inherit these variables.
 */
export default async function globalSetup(): Promise<void> {
  const runId = `${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const server = new URL(process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  server.pathname = `/trellis_test_${runId}`;
  const databaseUrl = server.toString();

  await createDatabaseIfMissing(databaseUrl);
  const dataSource = createDataSource({ url: databaseUrl, poolSize: 2 });
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  await syncBuiltInExercises(dataSource);
  await dataSource.destroy();

  process.env.DATABASE_URL = databaseUrl;
  process.env.REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
  process.env.QUEUE_PREFIX = `trellis-test-${runId}`;
  process.env.TRELLIS_TEST_RUN_ID = runId;
}
