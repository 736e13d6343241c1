import { Inject, Injectable } from '@nestjs/common';
import type Redis from 'ioredis';
import { AppConfig } from '@trellis/config';
import { APP_CONFIG, REDIS } from '../config/config.tokens';
import { redisOutageWarning } from './fixed-window-limiter';

// 5 wrong passwords per account in 15 minutes stops online guessing of one person's password;
// 30 per IP stops one address spraying many accounts while leaving a shared clinic office usable.
const WINDOW_SECONDS = 15 * 60;
const LIMITS = { account: 5, ip: 30 } as const;

export interface RateLimitVerdict {
  blocked: boolean;
  retryAfterSeconds: number;
}

/** Failed-sign-in counters in Redis, so the limits hold across every API replica. */
@Injectable()
export class LoginRateLimiter {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private keys(email: string, ip: string): { account: string; ip: string } {
    const prefix = `${this.config.redis.queuePrefix}:login-fail`;
    return { account: `${prefix}:account:${email}`, ip: `${prefix}:ip:${ip}` };
  }

  async check(email: string, ip: string): Promise<RateLimitVerdict> {
    try {
      return await this.checkOrThrow(email, ip);
    } catch (error) {
      redisOutageWarning(error);
      return { blocked: false, retryAfterSeconds: 0 };
    }
  }

  private async checkOrThrow(email: string, ip: string): Promise<RateLimitVerdict> {
    const keys = this.keys(email, ip);
    const [[, account], [, byIp], [, ttlAccount], [, ttlIp]] = (await this.redis
      .multi()
      .get(keys.account)
      .get(keys.ip)
      .ttl(keys.account)
      .ttl(keys.ip)
      .exec()) as [unknown, string | number | null][];
    const accountBlocked = Number(account ?? 0) >= LIMITS.account;
    const ipBlocked = Number(byIp ?? 0) >= LIMITS.ip;
    const ttl = Math.max(accountBlocked ? Number(ttlAccount) : 0, ipBlocked ? Number(ttlIp) : 0);
    return { blocked: accountBlocked || ipBlocked, retryAfterSeconds: Math.max(ttl, 1) };
  }

  async recordFailure(email: string, ip: string): Promise<void> {
    const keys = this.keys(email, ip);
    await this.redis
      .multi()
      .incr(keys.account)
      .expire(keys.account, WINDOW_SECONDS, 'NX')
      .incr(keys.ip)
      .expire(keys.ip, WINDOW_SECONDS, 'NX')
      .exec()
      .catch(redisOutageWarning);
  }

  /** A successful sign-in clears the account's counter (not the IP's). */
  async recordSuccess(email: string, ip: string): Promise<void> {
    await this.redis.del(this.keys(email, ip).account).catch(redisOutageWarning);
  }
}
