import { HttpException, HttpStatus, Inject, Injectable, Logger } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type Redis from 'ioredis';
import { AppConfig } from '@trellis/config';
import { APP_CONFIG, REDIS } from '../config/config.tokens';

export interface WindowLimit {
  bucket: string;
  key: string;
  limit: number;
  windowSeconds: number;
}

let lastWarning = 0;
export function redisOutageWarning(error: unknown): void {
  if (Date.now() - lastWarning < 60_000) return;
  lastWarning = Date.now();
  new Logger('RateLimits').warn(
    `Redis unavailable, rate limits are not enforced until it returns: ${(error as Error).message}`,
  );
}

/** Counts hits per key in Redis (shared by all replicas); over the limit → 429 with Retry-After. */
@Injectable()
export class FixedWindowLimiter {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async consume(limit: WindowLimit, reply: FastifyReply): Promise<void> {
    const key = `${this.config.redis.queuePrefix}:rate:${limit.bucket}:${limit.key}`;
    let results: [unknown, number][];
    try {
      results = (await this.redis.multi().incr(key).expire(key, limit.windowSeconds, 'NX').ttl(key).exec()) as [
        unknown,
        number,
      ][];
    } catch (error) {
      // Redis down: let people work (fail open) rather than lock every clinic out; say so once a minute.
      redisOutageWarning(error);
      return;
    }
    const count = results[0][1];
    const ttl = results[2][1];
    if (count > limit.limit) {
      reply.header('retry-after', String(Math.max(ttl, 1)));
      throw new HttpException('Too many attempts. Wait a few minutes and try again.', HttpStatus.TOO_MANY_REQUESTS);
    }
  }
}
