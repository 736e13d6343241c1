import { Body, Controller, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AssignmentDetail, AssignmentSummary, ListResponse } from '@trellis/contracts';
import type { StaffActor } from '../actor/actor';
import { CurrentActor } from '../actor/current-actor';
import { RecordIdPipe } from '../http/uuid-param.pipe';
import { CreateAssignmentsDto, ReviewAssignmentDto, UpdateAssignmentDto } from './assignment.dto';
import { AssignmentsService } from './assignments.service';
import { ApiProblem } from '../http/api-problem.decorator';

@ApiTags('assignments')
@Controller()
export class AssignmentsController {
  constructor(private readonly assignments: AssignmentsService) {}

  @Post('assignments')
  @ApiProblem(409, 'A couple is not active (paused or closed): reactivate it to assign homework.')
  @ApiOperation({ summary: 'Assign an exercise to one or more couples (both partners answer separately)' })
  async create(
    @CurrentActor() actor: StaffActor,
    @Body() body: CreateAssignmentsDto,
  ): Promise<ListResponse<AssignmentSummary>> {
    const data = await this.assignments.create(actor, body);
    return { data, total: data.length };
  }

  @Get('couples/:id/assignments')
  @ApiOperation({ summary: "A couple's homework, newest due first, with each partner's progress" })
  async list(
    @CurrentActor() actor: StaffActor,
    @Param('id', RecordIdPipe) id: string,
  ): Promise<ListResponse<AssignmentSummary>> {
    const data = await this.assignments.listForCouple(actor, id);
    return { data, total: data.length };
  }

  @Get('assignments/:id')
  @ApiOperation({ summary: 'One homework with its frozen prompts and both partners’ submitted answers side by side' })
  get(@CurrentActor() actor: StaffActor, @Param('id', RecordIdPipe) id: string): Promise<AssignmentDetail> {
    return this.assignments.get(actor, id);
  }

  @Patch('assignments/:id')
  @ApiProblem(409, 'The homework was cancelled.')
  @ApiOperation({ summary: 'Move the due date or change the message' })
  update(
    @CurrentActor() actor: StaffActor,
    @Param('id', RecordIdPipe) id: string,
    @Body() body: UpdateAssignmentDto,
  ): Promise<AssignmentDetail> {
    return this.assignments.update(actor, id, body);
  }

  @Post('assignments/:id/cancel')
  @HttpCode(200)
  @ApiProblem(409, 'The homework is already cancelled.')
  @ApiOperation({ summary: 'Cancel homework (kept in the history)' })
  cancel(@CurrentActor() actor: StaffActor, @Param('id', RecordIdPipe) id: string): Promise<AssignmentDetail> {
    return this.assignments.cancel(actor, id);
  }

  @Post('assignments/:id/partners/:clientId/link/resend')
  @HttpCode(202)
  @ApiProblem(
    409,
    'The homework was cancelled, the partner already submitted, or the partner has not agreed to receive email.',
  )
  @ApiOperation({ summary: 'Email this partner a fresh link (the old one stops working)' })
  resendLink(
    @CurrentActor() actor: StaffActor,
    @Param('id', RecordIdPipe) id: string,
    @Param('clientId', RecordIdPipe) clientId: string,
  ): Promise<void> {
    return this.assignments.resendLink(actor, id, clientId);
  }

  @Post('assignments/:id/partners/:clientId/link/revoke')
  @HttpCode(200)
  @ApiProblem(409, 'The homework was cancelled.')
  @ApiOperation({ summary: "Stop this partner's link at once" })
  revokeLink(
    @CurrentActor() actor: StaffActor,
    @Param('id', RecordIdPipe) id: string,
    @Param('clientId', RecordIdPipe) clientId: string,
  ): Promise<AssignmentDetail> {
    return this.assignments.revokeLink(actor, id, clientId);
  }

  @Post('assignments/:id/review')
  @HttpCode(200)
  @ApiProblem(409, 'The homework was cancelled, or neither partner has submitted yet.')
  @ApiOperation({ summary: 'Mark reviewed, with an optional comment to the couple' })
  review(
    @CurrentActor() actor: StaffActor,
    @Param('id', RecordIdPipe) id: string,
    @Body() body: ReviewAssignmentDto,
  ): Promise<AssignmentDetail> {
    return this.assignments.review(actor, id, body);
  }
}
