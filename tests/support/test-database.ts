import { DataSource } from 'typeorm';
import { createDataSource } from '@trellis/data';

/** A direct connection to the run's database, for arranging rows and asserting on them. */
export async function connectTestDatabase(): Promise<DataSource> {
  const dataSource = createDataSource({ url: process.env.DATABASE_URL as string, poolSize: 3 });
  return dataSource.initialize();
}
