import { connectionFailure, StartupError } from '@trellis/config';
import { createDataSource, DatabaseSettings } from './data-source';
import { syncBuiltInExercises } from './exercises/sync-built-in-exercises';
import { syncBuiltInMeasures } from './measures/sync-built-in-measures';
import { pendingMigrationNames } from './migrations/migration-status';

/**
 * Start-up check shared by api and worker: the database answers, and its schema matches the code.
 * Pending migrations stop the process unless it was told to migrate, so an old schema never meets
 * new code by accident.
 */
export async function prepareDatabase(settings: DatabaseSettings, options: { migrate: boolean }): Promise<void> {
  const dataSource = createDataSource({ ...settings, poolSize: 1 });
  try {
    await dataSource.initialize();
  } catch (error) {
    throw connectionFailure('PostgreSQL', 'DATABASE_URL', settings.url, error);
  }
  try {
    const pending = await pendingMigrationNames(dataSource);
    if (pending.length > 0 && !options.migrate) {
      throw new StartupError(
        `The database has ${pending.length} pending migration(s) (${pending.join(', ')}). ` +
          'Run `npm run migrate`, or start with MIGRATE_ON_START=true.',
      );
    }
    if (pending.length > 0) await dataSource.runMigrations({ transaction: 'each' });
    await syncBuiltInExercises(dataSource);
    await syncBuiltInMeasures(dataSource);
  } finally {
    await dataSource.destroy();
  }
}
