import './register-source-paths';
import { randomBytes } from 'node:crypto';
import { createDatabaseIfMissing, createDataSource, syncBuiltInExercises, syncBuiltInMeasures } from '@trellis/data';

/**
 * Once per jest run (every project calls this; the first one does the work): a migrated template
 * database and a Redis key prefix of the run's own. Each test file then gets a copy of the
 * template and a prefix of its own (per-file-database.ts), so one file's worker never picks up
 * another file's jobs and runs sharing a PostgreSQL or Redis never meet.
 * Test workers are spawned after this runs and inherit these variables.
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.TRELLIS_TEST_RUN_ID) return;
  const runId = `${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const server = new URL(process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  server.pathname = `/trellis_test_${runId}_tpl`;
  const templateUrl = server.toString();

  await createDatabaseIfMissing(templateUrl);
  const dataSource = createDataSource({ url: templateUrl, poolSize: 2 });
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  await syncBuiltInExercises(dataSource);
  await syncBuiltInMeasures(dataSource);
  await dataSource.destroy();

  process.env.TRELLIS_TEST_RUN_ID = runId;
  process.env.TRELLIS_TEMPLATE_DATABASE_URL = templateUrl;
  process.env.DATABASE_URL = templateUrl;
  process.env.REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
  process.env.TRELLIS_QUEUE_PREFIX_BASE = `trellis-test-${runId}`;
  process.env.QUEUE_PREFIX = process.env.TRELLIS_QUEUE_PREFIX_BASE;
}
