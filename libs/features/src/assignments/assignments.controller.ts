import { Body, Controller, Get, HttpCode, Param, Patch, Post, Req } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import type { AssignmentDetail, AssignmentSummary, ListResponse, SessionUser } from '@trellis/contracts';
import { CurrentStaff } from '../auth/current-staff';
import { RecordIdPipe } from '../http/uuid-param.pipe';
import { CreateAssignmentsDto, ReviewAssignmentDto, UpdateAssignmentDto } from './assignment.dto';
import { AssignmentsService } from './assignments.service';

@ApiTags('assignments')
@Controller()
export class AssignmentsController {
  constructor(private readonly assignments: AssignmentsService) {}

  @Post('assignments')
  @ApiOperation({ summary: 'Assign an exercise to one or more couples (both partners answer separately)' })
  async create(
    @CurrentStaff() user: SessionUser,
    @Body() body: CreateAssignmentsDto,
    @Req() request: FastifyRequest,
  ): Promise<ListResponse<AssignmentSummary>> {
    const data = await this.assignments.create(user, body, request);
    return { data, total: data.length };
  }

  @Get('couples/:id/assignments')
  @ApiOperation({ summary: "A couple's homework, newest due first, with each partner's progress" })
  async list(
    @CurrentStaff() user: SessionUser,
    @Param('id', RecordIdPipe) id: string,
    @Req() request: FastifyRequest,
  ): Promise<ListResponse<AssignmentSummary>> {
    const data = await this.assignments.listForCouple(user, id, request);
    return { data, total: data.length };
  }

  @Get('assignments/:id')
  @ApiOperation({ summary: 'One homework with its frozen prompts and both partners’ submitted answers side by side' })
  get(
    @CurrentStaff() user: SessionUser,
    @Param('id', RecordIdPipe) id: string,
    @Req() request: FastifyRequest,
  ): Promise<AssignmentDetail> {
    return this.assignments.get(user, id, request);
  }

  @Patch('assignments/:id')
  @ApiOperation({ summary: 'Move the due date or change the message' })
  update(
    @CurrentStaff() user: SessionUser,
    @Param('id', RecordIdPipe) id: string,
    @Body() body: UpdateAssignmentDto,
    @Req() request: FastifyRequest,
  ): Promise<AssignmentDetail> {
    return this.assignments.update(user, id, body, request);
  }

  @Post('assignments/:id/cancel')
  @HttpCode(200)
  @ApiOperation({ summary: 'Cancel homework (kept in the history)' })
  cancel(
    @CurrentStaff() user: SessionUser,
    @Param('id', RecordIdPipe) id: string,
    @Req() request: FastifyRequest,
  ): Promise<AssignmentDetail> {
    return this.assignments.cancel(user, id, request);
  }

  @Post('assignments/:id/partners/:clientId/link/resend')
  @HttpCode(202)
  @ApiOperation({ summary: 'Email this partner a fresh link (the old one stops working)' })
  resendLink(
    @CurrentStaff() user: SessionUser,
    @Param('id', RecordIdPipe) id: string,
    @Param('clientId', RecordIdPipe) clientId: string,
    @Req() request: FastifyRequest,
  ): Promise<void> {
    return this.assignments.resendLink(user, id, clientId, request);
  }

  @Post('assignments/:id/partners/:clientId/link/revoke')
  @HttpCode(200)
  @ApiOperation({ summary: "Stop this partner's link at once" })
  revokeLink(
    @CurrentStaff() user: SessionUser,
    @Param('id', RecordIdPipe) id: string,
    @Param('clientId', RecordIdPipe) clientId: string,
    @Req() request: FastifyRequest,
  ): Promise<AssignmentDetail> {
    return this.assignments.revokeLink(user, id, clientId, request);
  }

  @Post('assignments/:id/review')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark reviewed, with an optional comment to the couple' })
  review(
    @CurrentStaff() user: SessionUser,
    @Param('id', RecordIdPipe) id: string,
    @Body() body: ReviewAssignmentDto,
    @Req() request: FastifyRequest,
  ): Promise<AssignmentDetail> {
    return this.assignments.review(user, id, body, request);
  }
}
