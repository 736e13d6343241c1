import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AuditEntryView, ListResponse, SessionUser } from '@trellis/contracts';
import { CurrentStaff } from '../auth/current-staff';
import { Roles } from '../auth/public.decorator';
import { AuditQueryDto } from './audit-query.dto';
import { AuditTrailService } from './audit-trail.service';
import { AuditService } from './audit.service';
import { toCsv } from './csv';

/** Read-only by design: there is no route that edits or deletes audit rows (and a trigger refuses it). */
@ApiTags('audit')
@Roles('admin')
@Controller('audit')
export class AuditController {
  constructor(
    private readonly trail: AuditTrailService,
    private readonly audit: AuditService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'The clinic audit trail, newest first; filter by person, action, outcome and dates' })
  async list(
    @CurrentStaff() admin: SessionUser,
    @Query() query: AuditQueryDto,
    @Req() request: FastifyRequest,
  ): Promise<ListResponse<AuditEntryView>> {
    const result = await this.trail.list(admin.clinicId, query);
    await this.audit.record(
      { clinicId: admin.clinicId, actorType: 'staff', actorId: admin.id, action: 'audit.list', outcome: 'success' },
      request,
    );
    return result;
  }

  @Get('export')
  @ApiProduces('text/csv')
  @ApiOperation({ summary: 'The filtered trail as CSV (at most 50,000 rows)' })
  async export(
    @CurrentStaff() admin: SessionUser,
    @Query() query: AuditQueryDto,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const rows = await this.trail.exportRows(admin.clinicId, query);
    await this.audit.record(
      {
        clinicId: admin.clinicId,
        actorType: 'staff',
        actorId: admin.id,
        action: 'audit.export',
        outcome: 'success',
        details: { rows: rows.length },
      },
      request,
    );
    const csv = toCsv(
      [
        'occurred_at',
        'actor_type',
        'actor_id',
        'actor_name',
        'action',
        'record_type',
        'record_id',
        'outcome',
        'ip',
        'user_agent',
      ],
      rows.map((r) => [
        r.occurredAt,
        r.actorType,
        r.actorId,
        r.actorName,
        r.action,
        r.recordType,
        r.recordId,
        r.outcome,
        r.ip,
        r.userAgent,
      ]),
    );
    const day = new Date().toISOString().slice(0, 10);
    reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="trellis-audit-${day}.csv"`)
      .header('cache-control', 'no-store')
      .send(csv);
  }
}
