import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FastifyReply } from 'fastify';
import type Redis from 'ioredis';
import { DataSource } from 'typeorm';
import type { DependencyState, HealthResponse } from '@trellis/contracts';
import { Public } from '../auth/public.decorator';
import { REDIS } from '../config/config.tokens';

const CHECK_TIMEOUT_MS = 2000;

async function probe(check: () => Promise<unknown>): Promise<{ status: DependencyState; error?: string }> {
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

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  @Get('live')
  @ApiOperation({
    summary:
      'Readiness for load balancers: this replica can serve (PostgreSQL answers). Redis may be down: writes then wait in the outbox',
  })
  @ApiResponse({ status: 200, description: 'Serving' })
  @ApiResponse({ status: 503, description: 'PostgreSQL does not answer' })
  async live(@Res({ passthrough: true }) reply: FastifyReply): Promise<{ status: 'ok' | 'down' }> {
    const postgres = await probe(() => this.dataSource.query('SELECT 1'));
    reply.status(postgres.status === 'up' ? 200 : 503).header('cache-control', 'no-store');
    return { status: postgres.status === 'up' ? 'ok' : 'down' };
  }

  @Get()
  @ApiOperation({ summary: 'Full report: PostgreSQL and Redis, separately (503 naming what is down)' })
  @ApiResponse({ status: 200, description: 'Both answer' })
  @ApiResponse({ status: 503, description: 'One or both are down; `checks` says which' })
  async check(@Res({ passthrough: true }) reply: FastifyReply): Promise<HealthResponse> {
    const [postgres, redis] = await Promise.all([
      probe(() => this.dataSource.query('SELECT 1')),
      probe(() => this.redis.ping()),
    ]);
    const ok = postgres.status === 'up' && redis.status === 'up';
    reply.status(ok ? 200 : 503).header('cache-control', 'no-store');
    return { status: ok ? 'ok' : 'degraded', checks: { postgres, redis } };
  }
}
