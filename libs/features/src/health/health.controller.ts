import { Controller, Get, Res } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { HealthResponse } from '@trellis/contracts';
import { Public } from '../auth/public.decorator';
import { HealthService } from './health.service';

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Get('live')
  @ApiOperation({
    summary:
      'Readiness for load balancers: this replica can serve (PostgreSQL answers). Redis may be down: writes then wait in the outbox',
  })
  @ApiResponse({ status: 200, description: 'Serving' })
  @ApiResponse({
    status: 503,
    description: 'PostgreSQL does not answer',
    schema: { type: 'object', required: ['status'], properties: { status: { type: 'string', enum: ['down'] } } },
  })
  async live(@Res({ passthrough: true }) reply: FastifyReply): Promise<{ status: 'ok' | 'down' }> {
    const postgres = await this.health.postgres();
    reply.status(postgres.status === 'up' ? 200 : 503).header('cache-control', 'no-store');
    return { status: postgres.status === 'up' ? 'ok' : 'down' };
  }

  @Get()
  @ApiOperation({ summary: 'Full report: PostgreSQL and Redis, separately (503 naming what is down)' })
  @ApiResponse({ status: 200, description: 'Both answer' })
  @ApiResponse({
    status: 503,
    description: 'One or both are down; `checks` says which',
    // The same shape as the 200 (libs/contracts HealthResponse), with `status: degraded`.
    schema: { $ref: '#/components/schemas/HealthResponse' },
  })
  async check(@Res({ passthrough: true }) reply: FastifyReply): Promise<HealthResponse> {
    const report = await this.health.report();
    reply.status(report.status === 'ok' ? 200 : 503).header('cache-control', 'no-store');
    return report;
  }
}
