import { spawn, spawnSync } from 'node:child_process';
import Redis from 'ioredis';
import { say } from './log.mjs';

async function answers(url) {
  const redis = new Redis(url, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    connectTimeout: 2000,
  });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    await redis.ping();
    return true;
  } catch {
    return false;
  } finally {
    redis.disconnect();
  }
}

const HOW_TO_GET_REDIS =
  'Trellis needs Redis. Either run `docker run -d --name trellis-redis -p 127.0.0.1:6379:6379 redis:7 redis-server --maxmemory-policy noeviction`, or install it (Debian/Ubuntu: `sudo apt-get install redis-server`, macOS: `brew install redis`), or set REDIS_URL to a Redis you have.';

/** Uses REDIS_URL (default 127.0.0.1:6379); starts `redis-server` when nothing answers and it is installed. */
export async function ensureRedis(env) {
  const explicit = Boolean(env.REDIS_URL);
  const url = env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  if (await answers(url)) {
    say(`Redis: ${new URL(url).host}`);
    return { url, stop: async () => undefined };
  }
  if (explicit) throw new Error(`Redis does not answer at ${new URL(url).host} (REDIS_URL).`);
  if (spawnSync('redis-server', ['--version']).status !== 0) throw new Error(HOW_TO_GET_REDIS);
  say('No Redis on 127.0.0.1:6379: starting redis-server…');
  // noeviction: BullMQ's job data must never be evicted under memory pressure.
  const child = spawn(
    'redis-server',
    ['--port', '6379', '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--maxmemory-policy', 'noeviction'],
    {
      stdio: 'ignore',
    },
  );
  for (let i = 0; i < 50 && !(await answers(url)); i += 1) await new Promise((r) => setTimeout(r, 100));
  if (!(await answers(url))) throw new Error(`redis-server did not start. ${HOW_TO_GET_REDIS}`);
  return { url, stop: async () => child.kill('SIGTERM') };
}
