import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CheckInScheduleView, ListResponse } from '@trellis/contracts';
import type { StaffActor } from '../actor/actor';
import { CurrentActor } from '../actor/current-actor';
import { ApiProblem } from '../http/api-problem.decorator';
import { RecordIdPipe } from '../http/uuid-param.pipe';
import { CheckInScheduleChangeDto, CreateCheckInScheduleDto } from './check-in-schedule.dto';
import { CheckInSchedulesService } from './check-in-schedules.service';

/** A couple's check-in schedules: which measure goes to both partners, when. */
@ApiTags('check-ins')
@Controller('couples/:id/check-in-schedules')
export class CheckInSchedulesController {
  constructor(private readonly schedules: CheckInSchedulesService) {}

  @Get()
  @ApiOperation({ summary: "The couple's check-in schedules, each with every partner's next planned check-in" })
  async list(
    @CurrentActor() actor: StaffActor,
    @Param('id', RecordIdPipe) coupleId: string,
  ): Promise<ListResponse<CheckInScheduleView>> {
    const data = await this.schedules.list(actor, coupleId);
    return { data, total: data.length };
  }

  @Post()
  @ApiProblem(409, 'The couple already has a schedule for this measure.')
  @ApiOperation({
    summary: 'Send a measure to both partners on a schedule (before or after each session, weekly, once)',
  })
  create(
    @CurrentActor() actor: StaffActor,
    @Param('id', RecordIdPipe) coupleId: string,
    @Body() body: CreateCheckInScheduleDto,
  ): Promise<CheckInScheduleView> {
    return this.schedules.create(actor, coupleId, body);
  }

  @Put(':scheduleId')
  @ApiOperation({ summary: 'Change when a schedule sends (and whether partners see each other’s scores)' })
  update(
    @CurrentActor() actor: StaffActor,
    @Param('id', RecordIdPipe) coupleId: string,
    @Param('scheduleId', RecordIdPipe) scheduleId: string,
    @Body() body: CheckInScheduleChangeDto,
  ): Promise<CheckInScheduleView> {
    return this.schedules.update(actor, coupleId, scheduleId, body);
  }

  @Delete(':scheduleId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Stop a schedule: unsent check-ins are not sent and sent links stop working' })
  async remove(
    @CurrentActor() actor: StaffActor,
    @Param('id', RecordIdPipe) coupleId: string,
    @Param('scheduleId', RecordIdPipe) scheduleId: string,
  ): Promise<void> {
    await this.schedules.remove(actor, coupleId, scheduleId);
  }
}
