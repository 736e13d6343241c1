import './register-source-paths';
import Redis from 'ioredis';
import { Client } from 'pg';

/** Drops every database of this run (the template and each file's copy) and its Redis keys. */
export default async function globalTeardown(): Promise<void> {
  const runId = process.env.TRELLIS_TEST_RUN_ID;
  if (!runId || process.env.TRELLIS_TEST_TORN_DOWN) return;
  process.env.TRELLIS_TEST_TORN_DOWN = '1';

  if (process.env.KEEP_TEST_DATABASE !== '1') {
    const admin = new URL(process.env.TRELLIS_TEMPLATE_DATABASE_URL as string);
    admin.pathname = '/postgres';
    const client = new Client({ connectionString: admin.toString() });
    await client.connect();
    try {
      const { rows } = await client.query<{ datname: string }>(
        `SELECT datname FROM pg_database WHERE datname LIKE $1`,
        [`trellis_test_${runId}%`],
      );
      for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    } finally {
      await client.end();
    }
  }

  const prefix = process.env.TRELLIS_QUEUE_PREFIX_BASE;
  if (!prefix || !process.env.REDIS_URL) return;
  const redis = new Redis(process.env.REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect();
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
