import { spawn, spawnSync } from 'node:child_process';
import Redis from 'ioredis';
import { forgetStarted, recordStarted } from './leftovers.mjs';
import { say } from './log.mjs';
import { assertPortFree } from './ports.mjs';

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
export async function ensureRedis(root, env) {
  const explicit = Boolean(env.REDIS_URL);
  const url = env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  if (await answers(url)) {
    // Not one this checkout started: an earlier run's own redis-server is stopped before this check.
    say(
      `Redis: ${new URL(url).host} (${explicit ? 'REDIS_URL' : 'one already running here, left running when Trellis stops'})`,
    );
    return { url, stop: async () => undefined };
  }
  if (explicit) throw new Error(`Redis does not answer at ${new URL(url).host} (REDIS_URL).`);
  if (spawnSync('redis-server', ['--version']).status !== 0) throw new Error(HOW_TO_GET_REDIS);
  await assertPortFree(6379, {
    what: 'redis-server',
    hint: 'Something that is not Redis listens there: stop it, or set REDIS_URL to a Redis you have.',
  });
  say('No Redis on 127.0.0.1:6379: starting redis-server…');
  // noeviction: BullMQ's job data must never be evicted under memory pressure.
  const child = spawn(
    'redis-server',
    ['--port', '6379', '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--maxmemory-policy', 'noeviction'],
    {
      stdio: 'ignore',
    },
  );
  recordStarted(root, 'redis-server', child.pid, 'redis-server');
  const exited = new Promise((resolve) => child.once('exit', resolve));
  for (let i = 0; i < 50 && child.exitCode === null && !(await answers(url)); i += 1)
    await new Promise((r) => setTimeout(r, 100));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
    forgetStarted(root, 'redis-server');
  };
  if (!(await answers(url))) {
    await stop();
    throw new Error(`redis-server did not start. ${HOW_TO_GET_REDIS}`);
  }
  return { url, stop };
}
