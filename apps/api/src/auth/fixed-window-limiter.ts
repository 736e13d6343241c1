import { HttpException, HttpStatus, Inject, Injectable } from '@nestjs/common';
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

/** Counts hits per key in Redis (shared by all replicas); over the limit → 429 with Retry-After. */
@Injectable()
export class FixedWindowLimiter {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async consume(limit: WindowLimit, reply: FastifyReply): Promise<void> {
    const key = `${this.config.redis.queuePrefix}:rate:${limit.bucket}:${limit.key}`;
    const results = (await this.redis.multi().incr(key).expire(key, limit.windowSeconds, 'NX').ttl(key).exec()) as [unknown, number][];
    const count = results[0][1];
    const ttl = results[2][1];
    if (count > limit.limit) {
      reply.header('retry-after', String(Math.max(ttl, 1)));
      throw new HttpException('Too many attempts. Wait a few minutes and try again.', HttpStatus.TOO_MANY_REQUESTS);
    }
  }
}
