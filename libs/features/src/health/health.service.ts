import { Inject, Injectable } from '@nestjs/common';
import type Redis from 'ioredis';
import type { DependencyState, HealthResponse } from '@trellis/contracts';
import { REDIS } from '../config/config.tokens';
import { HealthRepository } from './health.repository';

const CHECK_TIMEOUT_MS = 2000;

export interface DependencyCheck {
  status: DependencyState;
  error?: string;
}

async function probe(check: () => Promise<unknown>): Promise<DependencyCheck> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      check(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS);
      }),
    ]);
    return { status: 'up' };
  } catch (error) {
    // A short reason for operators; never connection strings or credentials.
    const reason = (error as { code?: string }).code ?? (error as Error).message ?? 'unavailable';
    return { status: 'down', error: String(reason).slice(0, 120) };
  } finally {
    clearTimeout(timer);
  }
}

/** Whether PostgreSQL and Redis answer, each within CHECK_TIMEOUT_MS. */
@Injectable()
export class HealthService {
  constructor(
    private readonly database: HealthRepository,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  postgres(): Promise<DependencyCheck> {
    return probe(() => this.database.ping());
  }

  /** Both, checked side by side: `ok` only when both are up. */
  async report(): Promise<HealthResponse> {
    const [postgres, redis] = await Promise.all([this.postgres(), probe(() => this.redis.ping())]);
    const ok = postgres.status === 'up' && redis.status === 'up';
    return { status: ok ? 'ok' : 'degraded', checks: { postgres, redis } };
  }
}
