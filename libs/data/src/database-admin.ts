import { Client } from 'pg';

function adminUrl(url: string): { admin: string; database: string } {
  const parsed = new URL(url);
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, ''));
  parsed.pathname = '/postgres';
  return { admin: parsed.toString(), database };
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** Creates the database named in `url` when it does not exist yet (used by `npm start` and tests). */
export async function createDatabaseIfMissing(url: string): Promise<boolean> {
  const { admin, database } = adminUrl(url);
  const client = new Client({ connectionString: admin, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount) return false;
    await client.query(`CREATE DATABASE ${quoteIdent(database)}`);
    return true;
  } finally {
    await client.end();
  }
}

/** Drops the database named in `url` (throw-away test databases). */
export async function dropDatabase(url: string): Promise<void> {
  const { admin, database } = adminUrl(url);
  const client = new Client({ connectionString: admin, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(database)} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
