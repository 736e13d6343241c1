import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type Redis from 'ioredis';
import { AppConfig } from '@trellis/config';
import { APP_CONFIG, REDIS } from '../config/config.tokens';
import { redisOutageWarning } from './fixed-window-limiter';

/**
 * How failed sign-ins are limited (OWASP ASVS 5.0 V6.1.1 / V6.3.1: documented controls against
 * brute force and credential stuffing that do not hand an attacker a way to lock the owner out).
 *
 * Failures are counted three ways; a refusal is a 429 with Retry-After, never a lock on the account:
 *
 * 1. Per (account, address), 5 in 15 minutes. Guessing one person's password from one place gets
 *    5 tries per window, and only that address is slowed down: the owner at the clinic is not.
 *    A correct password from that address clears its count (a typo followed by the right one).
 * 2. Per address, 30 in 15 minutes over all accounts: one address spraying many accounts, with
 *    room for a shared clinic office where several people mistype.
 * 3. Per account, `LOGIN_FAILURES_PER_ACCOUNT_PER_HOUR` (100) in an hour over every address: the
 *    ceiling for an attacker spread over many addresses, who meets neither limit above. 100 an
 *    hour is the ceiling ASVS 4.0 V2.2.1 named, and against a password that passed our policy
 *    (12+ characters, not a breached or common one) it is about 2,400 guesses a day.
 *    Once an account is over its ceiling, addresses that have signed in to it successfully in the
 *    last 30 days and have no failure for it in the current window (a clean record: the owner at
 *    home or at the clinic) still get in; everyone else waits for the hour to end. A success does
 *    not reset the ceiling, or the owner signing in would hand the attacker a fresh hundred.
 *
 * Why not let every clean address through over the ceiling: each new address of a botnet has a
 * clean record for its first try, so the ceiling would bound nothing. Requiring a remembered good
 * address keeps it a real ceiling; the owner on a new network during an attack can still use the
 * password-reset email, which these counters do not touch. Attempts refused with 429 check no
 * password and count nothing, so a throttled attacker cannot push the counters further.
 *
 * The same counters apply to an unknown email as to a real account, so the 429s reveal nothing.
 * Keys hold a hash of the email, not the address itself.
 */
const PAIR = { limit: 5, windowSeconds: 15 * 60 };
const ADDRESS = { limit: 30, windowSeconds: 15 * 60 };
const ACCOUNT_WINDOW_SECONDS = 60 * 60;
const KNOWN_ADDRESS_SECONDS = 30 * 24 * 3600;

export interface RateLimitVerdict {
  blocked: boolean;
  retryAfterSeconds: number;
}

interface LoginKeys {
  pair: string;
  address: string;
  account: string;
  known: string;
}

/** Failed-sign-in counters in Redis, so the limits hold across every API replica. */
@Injectable()
export class LoginRateLimiter {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The Redis keys for this email and address. */
  private keys(email: string, ip: string): LoginKeys {
    const prefix = `${this.config.redis.queuePrefix}:login-fail`;
    const account = createHash('sha256').update(email.trim().toLowerCase()).digest('hex').slice(0, 32);
    return {
      pair: `${prefix}:pair:${account}:${ip}`,
      address: `${prefix}:ip:${ip}`,
      account: `${prefix}:account:${account}`,
      known: `${this.config.redis.queuePrefix}:login-ok:${account}:${ip}`,
    };
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
    const results = (await this.redis
      .multi()
      .get(keys.pair)
      .get(keys.address)
      .get(keys.account)
      .exists(keys.known)
      .ttl(keys.pair)
      .ttl(keys.address)
      .ttl(keys.account)
      .exec()) as [unknown, string | number | null][];
    const [pair, address, account, known, ttlPair, ttlAddress, ttlAccount] = results.map(([, value]) =>
      Number(value ?? 0),
    );
    const pairBlocked = pair >= PAIR.limit;
    const addressBlocked = address >= ADDRESS.limit;
    const cleanKnownAddress = known > 0 && pair === 0;
    const accountBlocked = account >= this.config.auth.loginFailuresPerAccountPerHour && !cleanKnownAddress;
    const ttl = Math.max(pairBlocked ? ttlPair : 0, addressBlocked ? ttlAddress : 0, accountBlocked ? ttlAccount : 0);
    return { blocked: pairBlocked || addressBlocked || accountBlocked, retryAfterSeconds: Math.max(ttl, 1) };
  }

  async recordFailure(email: string, ip: string): Promise<void> {
    const keys = this.keys(email, ip);
    await this.redis
      .multi()
      .incr(keys.pair)
      .expire(keys.pair, PAIR.windowSeconds, 'NX')
      .incr(keys.address)
      .expire(keys.address, ADDRESS.windowSeconds, 'NX')
      .incr(keys.account)
      .expire(keys.account, ACCOUNT_WINDOW_SECONDS, 'NX')
      .exec()
      .catch(redisOutageWarning);
  }

  /**
   * A correct password clears this address's count for the account (not the address's count over
   * all accounts, nor the account's ceiling) and remembers the address as one the owner uses.
   */
  async recordSuccess(email: string, ip: string): Promise<void> {
    const keys = this.keys(email, ip);
    await this.redis
      .multi()
      .del(keys.pair)
      .set(keys.known, '1', 'EX', KNOWN_ADDRESS_SECONDS)
      .exec()
      .catch(redisOutageWarning);
  }
}
