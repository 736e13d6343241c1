import { Controller, Get, NotFoundException, Param, Query, Req } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FastifyRequest } from 'fastify';
import { DataSource } from 'typeorm';
import type { DigestView, ListResponse, SessionUser } from '@trellis/contracts';
import { Digest } from '@trellis/data';
import { AuditService } from '../audit/audit.service';
import { CurrentStaff } from '../auth/current-staff';
import { ListQueryDto } from '../http/list-query.dto';
import { RecordIdPipe } from '../http/uuid-param.pipe';

function toView(d: Digest): DigestView {
  return {
    id: d.id,
    kind: d.kind,
    coupleId: d.coupleId,
    periodStart: d.periodStart.toISOString(),
    periodEnd: d.periodEnd.toISOString(),
    createdAt: d.createdAt.toISOString(),
    content: d.content,
  };
}

/** The digests emailed to the signed-in therapist, readable here too (their own only). */
@ApiTags('digests')
@Controller('digests')
export class DigestsController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'My weekly and pre-session digests, newest first' })
  async list(
    @CurrentStaff() user: SessionUser,
    @Query() query: ListQueryDto,
    @Req() request: FastifyRequest,
  ): Promise<ListResponse<DigestView>> {
    const [rows, total] = await Promise.all([
      this.dataSource.getRepository(Digest).find({
        where: { therapistId: user.id, clinicId: user.clinicId },
        order: { createdAt: query.order === 'ASC' ? 'ASC' : 'DESC' },
        skip: (query.page - 1) * query.perPage,
        take: query.perPage,
      }),
      this.dataSource.getRepository(Digest).count({ where: { therapistId: user.id, clinicId: user.clinicId } }),
    ]);
    await this.audit.record(
      { clinicId: user.clinicId, actorType: 'staff', actorId: user.id, action: 'digest.list', outcome: 'success' },
      request,
    );
    return { data: rows.map(toView), total };
  }

  @Get(':id')
  @ApiOperation({ summary: 'One digest' })
  async get(
    @CurrentStaff() user: SessionUser,
    @Param('id', RecordIdPipe) id: string,
    @Req() request: FastifyRequest,
  ): Promise<DigestView> {
    const digest = await this.dataSource
      .getRepository(Digest)
      .findOneBy({ id, therapistId: user.id, clinicId: user.clinicId });
    if (!digest) throw new NotFoundException('No such digest.');
    await this.audit.record(
      {
        clinicId: user.clinicId,
        actorType: 'staff',
        actorId: user.id,
        action: 'digest.view',
        outcome: 'success',
        recordType: 'digest',
        recordId: id,
      },
      request,
    );
    return toView(digest);
  }
}
