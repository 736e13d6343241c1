import { StartupError } from '@trellis/config';
import { createDatabaseIfMissing, dropDatabase, prepareDatabase } from '@trellis/data';
import { assertRedisReachable } from '@trellis/jobs';

// What an operator sees when start-up cannot go on: one line naming the variable, no stack.
describe('start-up checks', () => {
  it('names DATABASE_URL when PostgreSQL does not answer, without the password', async () => {
    const error = await prepareDatabase(
      { url: 'postgres://postgres:s3cret@127.0.0.1:9/trellis' },
      { migrate: false },
    ).catch((e) => e);
    expect(error).toBeInstanceOf(StartupError);
    expect(error.message).toBe(
      'Cannot reach PostgreSQL at 127.0.0.1:9/trellis (DATABASE_URL): connection refused (is it running?)',
    );
    expect(error.message).not.toContain('s3cret');
  });

  it('names REDIS_URL when Redis refuses', async () => {
    const error = await assertRedisReachable('redis://127.0.0.1:9').catch((e) => e);
    expect(error).toBeInstanceOf(StartupError);
    expect(error.message).toMatch(/^Cannot reach Redis at 127\.0\.0\.1:9 \(REDIS_URL\): /);
  });

  it('refuses a database with pending migrations unless told to migrate, then migrates', async () => {
    const url = new URL(process.env.DATABASE_URL as string);
    url.pathname = `${url.pathname}_fresh`;
    await createDatabaseIfMissing(url.toString());
    try {
      const error = await prepareDatabase({ url: url.toString() }, { migrate: false }).catch((e) => e);
      expect(error).toBeInstanceOf(StartupError);
      expect(error.message).toMatch(/pending migration\(s\).*npm run migrate/);
      await prepareDatabase({ url: url.toString() }, { migrate: true });
      await expect(prepareDatabase({ url: url.toString() }, { migrate: false })).resolves.toBeUndefined();
    } finally {
      await dropDatabase(url.toString());
    }
  });
});

describe('Redis eviction policy check', () => {
  it('warns unless Redis runs with noeviction', async () => {
    const { default: Redis } = await import('ioredis');
    const redis = new Redis(process.env.REDIS_URL as string);
    const [, before] = (await redis.config('GET', 'maxmemory-policy')) as string[];
    const { evictionPolicyWarning } = await import('@trellis/jobs');
    try {
      await redis.config('SET', 'maxmemory-policy', 'allkeys-lru');
      expect(await evictionPolicyWarning(process.env.REDIS_URL as string)).toMatch(/noeviction/);
      await redis.config('SET', 'maxmemory-policy', 'noeviction');
      expect(await evictionPolicyWarning(process.env.REDIS_URL as string)).toBeNull();
    } finally {
      await redis.config('SET', 'maxmemory-policy', before);
      redis.disconnect();
    }
  });
});
