import { Body, Controller, HttpCode, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { CheckInForm, CheckInResult } from '@trellis/contracts';
import type { Actor } from '../actor/actor';
import { CurrentActor } from '../actor/current-actor';
import { FixedWindowLimiter } from '../auth/fixed-window-limiter';
import { Public } from '../auth/public.decorator';
import { ApiProblem } from '../http/api-problem.decorator';
import { HomeworkHeaderGuard, noStore } from '../homework/homework-session.guard';
import { CheckInLinkDto, CheckInSubmitDto } from './check-in-schedule.dto';
import { CheckInLinksService } from './check-in-links.service';

// Link look-ups per IP, as for homework links: far more than a person needs, far too few to guess.
const LINK_LIMIT = { limit: 30, windowSeconds: 15 * 60 };

/** The partner's check-in: no account, the emailed link's token in the body of each request. */
@ApiTags('check-ins')
@Public()
@Controller('check-ins')
export class CheckInsController {
  constructor(
    private readonly links: CheckInLinksService,
    private readonly limiter: FixedWindowLimiter,
  ) {}

  @Post('link')
  @HttpCode(200)
  @ApiProblem(404, 'The link is not active (answered, expired, cancelled or unknown).')
  @ApiProblem(429, 'Too many link look-ups from this address.')
  @ApiOperation({ summary: "The check-in's questions on their scales; changes nothing. Inactive links: 404" })
  async form(
    @Body() body: CheckInLinkDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CheckInForm> {
    noStore(reply);
    await this.limiter.consume({ bucket: 'check-in-link', key: request.ip, ...LINK_LIMIT }, reply);
    return this.links.form(body.token);
  }

  @Post('submit')
  @UseGuards(HomeworkHeaderGuard)
  @HttpCode(200)
  @ApiProblem(404, 'The link is not active (answered, expired, cancelled or unknown).')
  @ApiProblem(409, 'This check-in was already answered.')
  @ApiProblem(429, 'Too many link look-ups from this address.')
  @ApiOperation({ summary: 'Answer the check-in once: scored, the link closed, and my scores over time returned' })
  async submit(
    @Body() body: CheckInSubmitDto,
    @CurrentActor() actor: Actor,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CheckInResult> {
    await this.limiter.consume({ bucket: 'check-in-link', key: request.ip, ...LINK_LIMIT }, reply);
    return this.links.submit(actor, body.token, body.answers);
  }
}
