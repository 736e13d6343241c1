import type { ConnectionOptions } from 'bullmq';
import Redis, { RedisOptions } from 'ioredis';
import { connectionFailure } from '@trellis/config';

/**
 * Connection options (not a client) for BullMQ: given options, BullMQ opens and closes its own
 * connections, so shutting a worker down leaves nothing open. `maxRetriesPerRequest: null` is
 * required by BullMQ so blocking commands wait through a Redis restart instead of failing.
 */
export function bullConnectionOptions(url: string): ConnectionOptions {
  const parsed = new URL(url);
  return {
    host: parsed.hostname,
    port: Number(parsed.port || 6379),
    username: parsed.username ? decodeURIComponent(parsed.username) : undefined,
    password: parsed.password ? decodeURIComponent(parsed.password) : undefined,
    db: parsed.pathname.length > 1 ? Number(parsed.pathname.slice(1)) : 0,
    tls: parsed.protocol === 'rediss:' ? {} : undefined,
    maxRetriesPerRequest: null,
  };
}

/**
 * Connection for producers and request paths: with the offline queue off, a command fails at once
 * while Redis is down, so an outbox relay or a health check never hangs.
 */
export function createFailFastRedis(url: string, extra: RedisOptions = {}): Redis {
  return new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1, connectTimeout: 3000, ...extra });
}

/** Start-up check: Redis answers PING, or a clear StartupError naming REDIS_URL. */
export async function assertRedisReachable(url: string): Promise<void> {
  const redis = new Redis(url, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    connectTimeout: 3000,
    retryStrategy: () => null,
  });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    await redis.ping();
  } catch (error) {
    throw connectionFailure('Redis', 'REDIS_URL', url, error);
  } finally {
    redis.disconnect();
  }
}

/**
 * BullMQ loses jobs if Redis evicts keys under memory pressure. Returns a warning to print when
 * the policy is anything but noeviction (null when fine or when CONFIG is not allowed, as on
 * some managed services).
 */
export async function evictionPolicyWarning(url: string): Promise<string | null> {
  const redis = createFailFastRedis(url, { lazyConnect: true });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    const reply = (await redis.config('GET', 'maxmemory-policy')) as string[];
    const policy = reply[1];
    return policy && policy !== 'noeviction'
      ? `Redis maxmemory-policy is "${policy}": set it to "noeviction" or queued jobs can be silently evicted.`
      : null;
  } catch {
    return null;
  } finally {
    redis.disconnect();
  }
}
