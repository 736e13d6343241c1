import './register-paths';
import { connectionFailure, exitOnStartupFailure, loadConfig, StartupError } from '@trellis/config';
import {
  createDatabaseIfMissing,
  createDataSource,
  pendingMigrationNames,
  syncBuiltInExercises,
  syncBuiltInMeasures,
} from '@trellis/data';
import { DEMO_PASSWORD, DEMO_STAFF, seedDemoClinic } from './seed/demo-clinic.seed';
import { SCALE_PASSWORD, seedScaleClinic } from './seed/scale-seed';

const USAGE = 'Usage: cli <migrate | migrate:revert | migrate:status | seed | reset | seed:scale --couples N>';

// Operational commands. Only DATABASE_URL is needed here, so a migration Job or `npm run migrate`
// works before Redis or SMTP are set up.
async function main(command: string | undefined): Promise<void> {
  if (!command || !['migrate', 'migrate:revert', 'migrate:status', 'seed', 'reset', 'seed:scale'].includes(command)) {
    throw new StartupError(USAGE);
  }
  const { database } = loadConfig({
    SESSION_SECRET: 'x'.repeat(32),
    REDIS_URL: 'redis://unused',
    SMTP_URL: 'smtp://unused',
    ...process.env,
  });
  try {
    await createDatabaseIfMissing(database.url);
  } catch (error) {
    throw connectionFailure('PostgreSQL', 'DATABASE_URL', database.url, error);
  }
  const dataSource = createDataSource({ url: database.url, poolSize: 2, applicationName: 'trellis-cli' });
  await dataSource.initialize();
  try {
    if (command === 'reset') {
      await dataSource.dropDatabase();
      console.log('Dropped every table.');
    }
    if (command === 'migrate' || command === 'reset') {
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      console.log(applied.length ? `Applied ${applied.map((m) => m.name).join(', ')}` : 'No pending migrations.');
      await syncBuiltInExercises(dataSource);
      await syncBuiltInMeasures(dataSource);
    }
    if (command === 'migrate:revert') {
      await dataSource.undoLastMigration({ transaction: 'each' });
      console.log('Reverted the last migration.');
    }
    if (command === 'migrate:status') {
      const pending = await pendingMigrationNames(dataSource);
      console.log(pending.length ? `Pending: ${pending.join(', ')}` : 'Up to date.');
    }
    if (command === 'seed:scale') {
      const flag = process.argv.indexOf('--couples');
      const couples = Number(flag > 0 ? process.argv[flag + 1] : 1000);
      if (!Number.isInteger(couples) || couples < 1 || couples > 1_000_000)
        throw new StartupError('--couples must be a whole number from 1 to 1000000');
      const { therapists, elapsedMs } = await seedScaleClinic(dataSource, couples);
      console.log(
        `Seeded ${couples} couples over ${therapists} therapists in ${(elapsedMs / 1000).toFixed(1)} s. Sign in as therapist1@scale.trellis.test / ${SCALE_PASSWORD}`,
      );
    }
    if (command === 'seed' || command === 'reset') {
      // Idempotent: a seed on a database migrated by an older release still gets today's built-ins.
      await syncBuiltInMeasures(dataSource);
      await seedDemoClinic(dataSource);
      console.log(
        `Seeded the demo clinic. Sign in with any of ${DEMO_STAFF.map((s) => s.email).join(', ')} / ${DEMO_PASSWORD}`,
      );
    }
  } finally {
    await dataSource.destroy();
  }
}

main(process.argv[2]).catch(exitOnStartupFailure('Trellis CLI'));
