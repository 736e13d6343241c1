import { Body, Controller, Get, Param, Patch, Post, Query, Req } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import type { CaseloadRow, CoupleView, ListResponse, SessionUser } from '@trellis/contracts';
import { CurrentStaff } from '../auth/current-staff';
import { RecordIdPipe } from '../http/uuid-param.pipe';
import { CaseloadQueryDto } from './caseload-query.dto';
import { CreateCoupleDto, UpdateCoupleDto } from './couple.dto';
import { CouplesService } from './couples.service';

@ApiTags('couples')
@Controller('couples')
export class CouplesController {
  constructor(private readonly couples: CouplesService) {}

  @Get()
  @ApiOperation({ summary: 'The caseload: search, filters (status, hasOverdue, needsReview), sort, paging, homework counts per couple' })
  list(@CurrentStaff() user: SessionUser, @Query() query: CaseloadQueryDto, @Req() request: FastifyRequest): Promise<ListResponse<CaseloadRow>> {
    return this.couples.caseload(user, query, request);
  }

  @Post()
  @ApiOperation({ summary: 'Create a couple with both partners' })
  create(@CurrentStaff() user: SessionUser, @Body() body: CreateCoupleDto, @Req() request: FastifyRequest): Promise<CoupleView> {
    return this.couples.create(user, body, request);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One couple with both partners' })
  get(@CurrentStaff() user: SessionUser, @Param('id', RecordIdPipe) id: string, @Req() request: FastifyRequest): Promise<CoupleView> {
    return this.couples.get(user, id, request);
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
