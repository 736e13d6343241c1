import { DataSource } from 'typeorm';

/** Names of migrations the code knows but the database has not run yet. */
export async function pendingMigrationNames(dataSource: DataSource): Promise<string[]> {
  const table = dataSource.options.migrationsTableName ?? 'migrations';
  const [{ exists }] = await dataSource.query(`SELECT to_regclass($1) IS NOT NULL AS exists`, [table]);
  const executed = new Set<string>();
  if (exists) {
    const rows: { name: string }[] = await dataSource.query(`SELECT name FROM "${table}"`);
    rows.forEach((row) => executed.add(row.name));
  }
  return dataSource.migrations.map((m) => m.name ?? m.constructor.name).filter((name) => !executed.has(name));
}
