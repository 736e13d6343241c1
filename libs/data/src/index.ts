export * from './data-source';
export * from './entities';
export * from './naming/snake-naming.strategy';
export * from './migrations/migration-status';
export * from './database-admin';
export * from './prepare-database';
export * from './tokens/secret-token';
export * from './exercises/sync-built-in-exercises';
