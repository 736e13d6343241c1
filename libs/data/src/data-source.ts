import { DataSource, DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';
import { SnakeNamingStrategy } from './naming/snake-naming.strategy';

export interface DatabaseSettings {
  url: string;
  /** Connections per process; api and worker replicas each hold their own pool. */
  poolSize?: number;
  logging?: boolean;
  applicationName?: string;
}

/** The one place that knows how Trellis talks to PostgreSQL. `synchronize` is never on: migrations only. */
export function buildDataSourceOptions(settings: DatabaseSettings): DataSourceOptions {
  return {
    type: 'postgres',
    url: settings.url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migration',
    migrationsTransactionMode: 'each',
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    migrationsRun: false,
    logging: settings.logging ? ['query', 'error'] : ['error'],
    extra: {
      max: settings.poolSize ?? 10,
      application_name: settings.applicationName ?? 'trellis',
      // Fail fast on an unreachable server instead of hanging a start-up or a health check.
      connectionTimeoutMillis: 5000,
    },
  };
}

export function createDataSource(settings: DatabaseSettings): DataSource {
  return new DataSource(buildDataSourceOptions(settings));
}
