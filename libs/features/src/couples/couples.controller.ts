import { Body, Controller, Get, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { CaseloadRow, CoupleExport, CoupleView, ListResponse, TimelineEvent } from '@trellis/contracts';
import type { StaffActor } from '../actor/actor';
import { CurrentActor } from '../actor/current-actor';
import { RecordIdPipe } from '../http/uuid-param.pipe';
import { CaseloadQueryDto } from './caseload-query.dto';
import { CreateCoupleDto, UpdateCoupleDto } from './couple.dto';
import { CoupleRecordService } from './couple-record.service';
import { CouplesService } from './couples.service';
import { renderExportHtml } from './export-html';
import { ApiProblem } from '../http/api-problem.decorator';

@ApiTags('couples')
@Controller('couples')
export class CouplesController {
  constructor(
    private readonly couples: CouplesService,
    private readonly records: CoupleRecordService,
  ) {}

  @Get()
  @ApiOperation({
    summary:
      'The caseload: search, filters (status, hasOverdue, needsReview), sort, paging, homework counts per couple',
  })
  list(@CurrentActor() actor: StaffActor, @Query() query: CaseloadQueryDto): Promise<ListResponse<CaseloadRow>> {
    return this.couples.caseload(actor, query);
  }

  @Post()
  @ApiOperation({ summary: 'Create a couple with both partners' })
  create(@CurrentActor() actor: StaffActor, @Body() body: CreateCoupleDto): Promise<CoupleView> {
    return this.couples.create(actor, body);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One couple with both partners' })
  get(@CurrentActor() actor: StaffActor, @Param('id', RecordIdPipe) id: string): Promise<CoupleView> {
    return this.couples.get(actor, id);
  }

  @Get(':id/timeline')
  @ApiOperation({ summary: 'Assignments, submissions, reviews and notes, newest first' })
  async timeline(
    @CurrentActor() actor: StaffActor,
    @Param('id', RecordIdPipe) id: string,
  ): Promise<ListResponse<TimelineEvent>> {
    const data = await this.records.timeline(actor, id);
    return { data, total: data.length };
  }

  @Get(':id/export')
  @ApiOperation({ summary: "The couple's whole record as JSON (the couple's therapist only)" })
  async exportJson(
    @CurrentActor() actor: StaffActor,
    @Param('id', RecordIdPipe) id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CoupleExport> {
    const record = await this.records.export(actor, id, 'json');
    reply
      .header('cache-control', 'no-store')
      .header('content-disposition', `attachment; filename="trellis-couple-${id}.json"`);
    return record;
  }

  @Get(':id/export/print')
  @ApiOkResponse({
    description: 'A self-contained HTML page to print or save as PDF.',
    content: { 'text/html': { schema: { type: 'string' } } },
  })
  @ApiOperation({ summary: "The couple's whole record as a printable page" })
  async exportHtml(
    @CurrentActor() actor: StaffActor,
    @Param('id', RecordIdPipe) id: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const record = await this.records.export(actor, id, 'html');
    reply.header('cache-control', 'no-store').type('text/html; charset=utf-8').send(renderExportHtml(record));
  }

  @Patch(':id')
  @ApiProblem(
    409,
    'The new next session time, or a reassigned couple’s future sessions, overlap another session of the therapist.',
  )
  @ApiOperation({
    summary: 'Edit, pause, discharge, reschedule; admins can reassign',
    description:
      'Reassigning takes the couple’s future scheduled sessions to the new therapist; when one would overlap the new therapist’s own sessions, 409 names both and nothing changes.',
  })
  update(
    @CurrentActor() actor: StaffActor,
    @Param('id', RecordIdPipe) id: string,
    @Body() body: UpdateCoupleDto,
  ): Promise<CoupleView> {
    return this.couples.update(actor, id, body);
  }
}
