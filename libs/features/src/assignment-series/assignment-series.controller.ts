import { Body, Controller, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AssignmentSeriesView, ListResponse } from '@trellis/contracts';
import type { StaffActor } from '../actor/actor';
import { CurrentActor } from '../actor/current-actor';
import { ApiProblem } from '../http/api-problem.decorator';
import { RecordIdPipe } from '../http/uuid-param.pipe';
import { CreateAssignmentSeriesDto, UpdateAssignmentSeriesDto } from './assignment-series.dto';
import { AssignmentSeriesService } from './assignment-series.service';

/**
 * Recurring homework is its own resource rather than a `repeat` option on POST /assignments: that
 * route issues one exercise to many couples and answers with the assignments it made, while a
 * series belongs to one couple, lives on (edited, stopped) after the request, and answers with
 * itself.
 */
@ApiTags('assignments')
@Controller()
export class AssignmentSeriesController {
  constructor(private readonly series: AssignmentSeriesService) {}

  @Post('assignment-series')
  @ApiProblem(404, 'No such couple in your caseload (another clinic’s or another therapist’s couple answers the same).')
  @ApiProblem(409, 'The couple is paused or discharged, or joint homework is paused by a safety concern.')
  @ApiOperation({
    summary: 'Repeat homework for a couple (weekly, fortnightly or on chosen weekdays) until a date or a count',
    description: 'The first occurrence is issued at once; each later one when the one before it falls due.',
  })
  create(@CurrentActor() actor: StaffActor, @Body() body: CreateAssignmentSeriesDto): Promise<AssignmentSeriesView> {
    return this.series.create(actor, body);
  }

  @Get('couples/:id/assignment-series')
  @ApiOperation({ summary: "The couple's recurring homework, newest first, with each one's next due date" })
  list(
    @CurrentActor() actor: StaffActor,
    @Param('id', RecordIdPipe) id: string,
  ): Promise<ListResponse<AssignmentSeriesView>> {
    return this.series.listForCouple(actor, id);
  }

  @Patch('assignment-series/:id')
  @ApiProblem(409, 'The series has stopped or ended.')
  @ApiOperation({ summary: 'Change the rhythm, time, note or end from the next occurrence on' })
  update(
    @CurrentActor() actor: StaffActor,
    @Param('id', RecordIdPipe) id: string,
    @Body() body: UpdateAssignmentSeriesDto,
  ): Promise<AssignmentSeriesView> {
    return this.series.update(actor, id, body);
  }

  @Post('assignment-series/:id/stop')
  @HttpCode(200)
  @ApiOperation({ summary: 'Stop the series: no more occurrences (those issued stay)' })
  stop(@CurrentActor() actor: StaffActor, @Param('id', RecordIdPipe) id: string): Promise<AssignmentSeriesView> {
    return this.series.stop(actor, id);
  }
}
