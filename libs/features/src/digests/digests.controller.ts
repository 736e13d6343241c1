import { Controller, Get, NotFoundException, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { DigestView, ListResponse } from '@trellis/contracts';
import { Digest } from '@trellis/data';
import type { StaffActor } from '../actor/actor';
import { CurrentActor } from '../actor/current-actor';
import { AuditService } from '../audit/audit.service';
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
  async list(@CurrentActor() actor: StaffActor, @Query() query: ListQueryDto): Promise<ListResponse<DigestView>> {
    const user = actor.staff;
    const [rows, total] = await Promise.all([
      this.dataSource.getRepository(Digest).find({
        where: { therapistId: user.id, clinicId: user.clinicId },
        order: { createdAt: query.order === 'ASC' ? 'ASC' : 'DESC' },
        skip: (query.page - 1) * query.perPage,
        take: query.perPage,
      }),
      this.dataSource.getRepository(Digest).count({ where: { therapistId: user.id, clinicId: user.clinicId } }),
    ]);
    await this.audit.record(actor, { action: 'digest.list', outcome: 'success' });
    return { data: rows.map(toView), total };
  }

  @Get(':id')
  @ApiOperation({ summary: 'One digest' })
  async get(@CurrentActor() actor: StaffActor, @Param('id', RecordIdPipe) id: string): Promise<DigestView> {
    const digest = await this.dataSource
      .getRepository(Digest)
      .findOneBy({ id, therapistId: actor.staff.id, clinicId: actor.staff.clinicId });
    if (!digest) throw new NotFoundException('No such digest.');
    await this.audit.record(actor, { action: 'digest.view', outcome: 'success', recordType: 'digest', recordId: id });
    return toView(digest);
  }
}
