import { Body, Controller, Get, Param, Patch, Post, Query, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { CaseloadRow, CoupleView, ListResponse, SessionUser, TimelineEvent } from '@trellis/contracts';
import { CurrentStaff } from '../auth/current-staff';
import { RecordIdPipe } from '../http/uuid-param.pipe';
import { CaseloadQueryDto } from './caseload-query.dto';
import { CreateCoupleDto, UpdateCoupleDto } from './couple.dto';
import { CoupleExport, CoupleRecordService } from './couple-record.service';
import { CouplesService } from './couples.service';
import { renderExportHtml } from './export-html';

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
  list(
    @CurrentStaff() user: SessionUser,
    @Query() query: CaseloadQueryDto,
    @Req() request: FastifyRequest,
  ): Promise<ListResponse<CaseloadRow>> {
    return this.couples.caseload(user, query, request);
  }

  @Post()
  @ApiOperation({ summary: 'Create a couple with both partners' })
  create(
    @CurrentStaff() user: SessionUser,
    @Body() body: CreateCoupleDto,
    @Req() request: FastifyRequest,
  ): Promise<CoupleView> {
    return this.couples.create(user, body, request);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One couple with both partners' })
  get(
    @CurrentStaff() user: SessionUser,
    @Param('id', RecordIdPipe) id: string,
    @Req() request: FastifyRequest,
  ): Promise<CoupleView> {
    return this.couples.get(user, id, request);
  }

  @Get(':id/timeline')
  @ApiOperation({ summary: 'Assignments, submissions, reviews and notes, newest first' })
  async timeline(
    @CurrentStaff() user: SessionUser,
    @Param('id', RecordIdPipe) id: string,
    @Req() request: FastifyRequest,
  ): Promise<ListResponse<TimelineEvent>> {
    const data = await this.records.timeline(user, id, request);
    return { data, total: data.length };
  }

  @Get(':id/export')
  @ApiOperation({ summary: "The couple's whole record as JSON (the couple's therapist only)" })
  async exportJson(
    @CurrentStaff() user: SessionUser,
    @Param('id', RecordIdPipe) id: string,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CoupleExport> {
    const record = await this.records.export(user, id, request, 'json');
    reply
      .header('cache-control', 'no-store')
      .header('content-disposition', `attachment; filename="trellis-couple-${id}.json"`);
    return record;
  }

  @Get(':id/export/print')
  @ApiOperation({ summary: "The couple's whole record as a printable page" })
  async exportHtml(
    @CurrentStaff() user: SessionUser,
    @Param('id', RecordIdPipe) id: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const record = await this.records.export(user, id, request, 'html');
    reply.header('cache-control', 'no-store').type('text/html; charset=utf-8').send(renderExportHtml(record));
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Edit, pause, discharge, reschedule; admins can reassign' })
  update(
    @CurrentStaff() user: SessionUser,
    @Param('id', RecordIdPipe) id: string,
    @Body() body: UpdateCoupleDto,
    @Req() request: FastifyRequest,
  ): Promise<CoupleView> {
    return this.couples.update(user, id, body, request);
  }
}
