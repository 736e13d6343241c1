import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { BookedSessions, ListResponse, SessionView } from '@trellis/contracts';
import type { StaffActor } from '../actor/actor';
import { CurrentActor } from '../actor/current-actor';
import { ApiProblem } from '../http/api-problem.decorator';
import { RecordIdPipe } from '../http/uuid-param.pipe';
import {
  BookSessionDto,
  CalendarQueryDto,
  CancelSessionDto,
  RescheduleSessionDto,
  SessionOutcomeDto,
} from './session.dto';
import { SessionsService } from './sessions.service';

@ApiTags('sessions')
@Controller()
export class SessionsController {
  constructor(private readonly sessions: SessionsService) {}

  @Get('sessions')
  @ApiOperation({ summary: "The calendar: your sessions between from and to (admins: any therapist's, or all)" })
  calendar(@CurrentActor() actor: StaffActor, @Query() query: CalendarQueryDto): Promise<ListResponse<SessionView>> {
    return this.sessions.calendar(actor, query);
  }

  @Get('couples/:id/sessions')
  @ApiOperation({ summary: "The couple's sessions, past and future, earliest first" })
  list(@CurrentActor() actor: StaffActor, @Param('id', RecordIdPipe) id: string): Promise<ListResponse<SessionView>> {
    return this.sessions.listForCouple(actor, id);
  }

  @Post('couples/:id/sessions')
  @ApiProblem(
    409,
    'The time overlaps another session of the therapist (the message names it), or the couple is discharged.',
  )
  @ApiOperation({ summary: 'Book a one-off session, or a weekly or fortnightly series' })
  book(
    @CurrentActor() actor: StaffActor,
    @Param('id', RecordIdPipe) id: string,
    @Body() body: BookSessionDto,
  ): Promise<BookedSessions> {
    return this.sessions.book(actor, id, body);
  }

  @Get('sessions/:id')
  @ApiOperation({ summary: 'One session with its attendance' })
  get(@CurrentActor() actor: StaffActor, @Param('id', RecordIdPipe) id: string): Promise<SessionView> {
    return this.sessions.get(actor, id);
  }

  @Patch('sessions/:id')
  @ApiProblem(409, 'The new time overlaps another session, or the session is no longer scheduled.')
  @ApiOperation({ summary: 'Reschedule this session, or this and all future ones of its series' })
  reschedule(
    @CurrentActor() actor: StaffActor,
    @Param('id', RecordIdPipe) id: string,
    @Body() body: RescheduleSessionDto,
  ): Promise<SessionView> {
    return this.sessions.reschedule(actor, id, body);
  }

  @Post('sessions/:id/cancel')
  @HttpCode(200)
  @ApiProblem(409, 'The session is no longer scheduled.')
  @ApiOperation({ summary: 'Cancel this session, or this and all future ones of its series, with a reason' })
  cancel(
    @CurrentActor() actor: StaffActor,
    @Param('id', RecordIdPipe) id: string,
    @Body() body: CancelSessionDto,
  ): Promise<SessionView> {
    return this.sessions.cancel(actor, id, body);
  }

  @Post('sessions/:id/outcome')
  @HttpCode(200)
  @ApiProblem(409, 'The session was cancelled or has not started yet.')
  @ApiOperation({ summary: 'Record the session as held or a no-show, with each partner’s attendance' })
  outcome(
    @CurrentActor() actor: StaffActor,
    @Param('id', RecordIdPipe) id: string,
    @Body() body: SessionOutcomeDto,
  ): Promise<SessionView> {
    return this.sessions.recordOutcome(actor, id, body);
  }
}
