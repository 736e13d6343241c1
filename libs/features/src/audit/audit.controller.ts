import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { AuditEntryView, ListResponse } from '@trellis/contracts';
import type { StaffActor } from '../actor/actor';
import { CurrentActor } from '../actor/current-actor';
import { Roles } from '../auth/public.decorator';
import { AuditQueryDto } from './audit-query.dto';
import { AuditTrailRepository } from './audit-trail.repository';
import { AuditService } from './audit.service';
import { auditCsv } from './audit.csv';

/** Read-only by design: there is no route that edits or deletes audit rows (and a trigger refuses it). */
@ApiTags('audit')
@Roles('admin')
@Controller('audit')
export class AuditController {
  constructor(
    private readonly trail: AuditTrailRepository,
    private readonly audit: AuditService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'The clinic audit trail, newest first; filter by person, action, outcome and dates' })
  async list(@CurrentActor() actor: StaffActor, @Query() query: AuditQueryDto): Promise<ListResponse<AuditEntryView>> {
    const result = await this.trail.list(actor.staff.clinicId, query);
    await this.audit.record(actor, { action: 'audit.list', outcome: 'success' });
    return result;
  }

  @Get('export')
  @ApiProduces('text/csv')
  @ApiOkResponse({
    description: 'A CSV download, one row per audit entry, with a header row.',
    content: { 'text/csv': { schema: { type: 'string' } } },
  })
  @ApiOperation({ summary: 'The filtered trail as CSV (at most 50,000 rows)' })
  async export(
    @CurrentActor() actor: StaffActor,
    @Query() query: AuditQueryDto,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const rows = await this.trail.exportRows(actor.staff.clinicId, query);
    await this.audit.record(actor, { action: 'audit.export', outcome: 'success', details: { rows: rows.length } });
    const csv = auditCsv(rows);
    const day = new Date().toISOString().slice(0, 10);
    reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="trellis-audit-${day}.csv"`)
      .header('cache-control', 'no-store')
      .send(csv);
  }
}
