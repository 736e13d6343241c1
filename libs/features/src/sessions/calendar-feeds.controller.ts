import { Controller, Delete, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { CalendarFeedView } from '@trellis/contracts';
import type { Actor, StaffActor } from '../actor/actor';
import { CurrentActor } from '../actor/current-actor';
import { Public } from '../auth/public.decorator';
import { ApiProblem } from '../http/api-problem.decorator';
import { CalendarFeedsService } from './calendar-feeds.service';

@ApiTags('sessions')
@Controller('calendar-feed')
export class CalendarFeedController {
  constructor(private readonly feeds: CalendarFeedsService) {}

  @Get()
  @ApiOperation({ summary: 'Whether you have a live calendar feed (its URL is shown only when made)' })
  status(@CurrentActor() actor: StaffActor): Promise<CalendarFeedView> {
    return this.feeds.status(actor);
  }

  @Post()
  @ApiOperation({ summary: 'Make a new private calendar feed URL (the old one stops working)' })
  create(@CurrentActor() actor: StaffActor): Promise<CalendarFeedView> {
    return this.feeds.create(actor);
  }

  @Delete()
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke your calendar feed' })
  revoke(@CurrentActor() actor: StaffActor): Promise<void> {
    return this.feeds.revoke(actor);
  }
}

@ApiTags('sessions')
@Public()
@Controller('calendar-feeds')
export class PublicCalendarFeedController {
  constructor(private readonly feeds: CalendarFeedsService) {}

  @Get(':token')
  @ApiOkResponse({
    description: 'The iCalendar feed: times and places, no clinical detail.',
    content: { 'text/calendar': { schema: { type: 'string' } } },
  })
  @ApiProblem(404, 'The feed URL is unknown, revoked or expired.')
  @ApiOperation({ summary: "A therapist's sessions as an iCalendar feed (the secret URL is the key)" })
  async feed(@CurrentActor() actor: Actor, @Param('token') token: string, @Res() reply: FastifyReply): Promise<void> {
    const text = await this.feeds.render(actor, token);
    reply.header('cache-control', 'private, no-store').type('text/calendar; charset=utf-8').send(text);
  }
}
