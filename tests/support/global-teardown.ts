import './register-source-paths';
import Redis from 'ioredis';
import { dropDatabase } from '@trellis/data';

export default async function globalTeardown(): Promise<void> {
  if (process.env.KEEP_TEST_DATABASE !== '1' && process.env.DATABASE_URL) {
    await dropDatabase(process.env.DATABASE_URL);
  }
  const prefix = process.env.QUEUE_PREFIX;
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
