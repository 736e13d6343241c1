import { Body, Controller, HttpCode, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AgreementReviewForm, AgreementReviewResult } from '@trellis/contracts';
import type { Actor } from '../actor/actor';
import { CurrentActor } from '../actor/current-actor';
import { FixedWindowLimiter } from '../auth/fixed-window-limiter';
import { Public } from '../auth/public.decorator';
import { ApiProblem } from '../http/api-problem.decorator';
import { HomeworkHeaderGuard, noStore } from '../homework/homework-session.guard';
import { AgreementReviewLinkDto, AgreementReviewSubmitDto } from './agreement.dto';
import { AgreementReviewLinksService } from './agreement-review-links.service';

// Link look-ups per IP, as for check-in links: far more than a person needs, far too few to guess.
const LINK_LIMIT = { limit: 30, windowSeconds: 15 * 60 };

/** The partner's weekly review: no account, the emailed link's token in the body of each request. */
@ApiTags('agreements')
@Public()
@Controller('agreement-reviews')
export class AgreementReviewsController {
  constructor(
    private readonly links: AgreementReviewLinksService,
    private readonly limiter: FixedWindowLimiter,
  ) {}

  @Post('link')
  @HttpCode(200)
  @ApiProblem(404, 'The link is not active (answered, expired or unknown).')
  @ApiProblem(429, 'Too many link look-ups from this address.')
  @ApiOperation({ summary: 'The agreements to confirm and review this week; changes nothing. Inactive links: 404' })
  async form(
    @Body() body: AgreementReviewLinkDto,
    @CurrentActor() actor: Actor,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AgreementReviewForm> {
    noStore(reply);
    await this.limiter.consume({ bucket: 'agreement-review-link', key: request.ip, ...LINK_LIMIT }, reply);
    return this.links.form(actor, body.token);
  }

  @Post('submit')
  @UseGuards(HomeworkHeaderGuard)
  @HttpCode(200)
  @ApiProblem(404, 'The link is not active (answered, expired or unknown).')
  @ApiProblem(429, 'Too many link look-ups from this address.')
  @ApiOperation({
    summary: 'Confirm agreements and say how each held this week, once; returns the shared kept streaks',
  })
  async submit(
    @Body() body: AgreementReviewSubmitDto,
    @CurrentActor() actor: Actor,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AgreementReviewResult> {
    noStore(reply);
    await this.limiter.consume({ bucket: 'agreement-review-link', key: request.ip, ...LINK_LIMIT }, reply);
    return this.links.submit(actor, body);
  }
}
