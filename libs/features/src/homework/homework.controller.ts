import { Body, Controller, Get, HttpCode, Post, Put, Req, Res, UseGuards } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { HomeworkGreeting, HomeworkView, NotSafeReceipt } from '@trellis/contracts';
import type { PartnerActor } from '../actor/actor';
import { FixedWindowLimiter } from '../auth/fixed-window-limiter';
import { Public } from '../auth/public.decorator';
import { AnswersDto, FreshLinkDto, HomeworkTokenDto, NotSafeDto } from './homework.dto';
import { HomeworkActor, HomeworkHeaderGuard, HomeworkSessionGuard, noStore } from './homework-session.guard';
import { HomeworkLinksService } from './homework-links.service';
import { HomeworkService } from './homework.service';
import { ApiProblem } from '../http/api-problem.decorator';

// Link look-ups per IP: far more than a person needs, far too few to guess 256-bit tokens.
const LINK_LIMIT = { limit: 30, windowSeconds: 15 * 60 };

/** The client's side: no account, no password — an emailed link, then a short session for one response. */
@ApiTags('homework')
@Public()
@Controller('homework')
export class HomeworkController {
  constructor(
    private readonly links: HomeworkLinksService,
    private readonly homework: HomeworkService,
    private readonly limiter: FixedWindowLimiter,
  ) {}

  @Post('link')
  @HttpCode(200)
  @ApiProblem(404, 'The link is not active (used up, revoked, expired or unknown).')
  @ApiProblem(429, 'Too many link look-ups from this address.')
  @ApiOperation({ summary: 'Who a link is for ("Hi Alex"); changes nothing. Inactive links: 404' })
  async greeting(
    @Body() body: HomeworkTokenDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<HomeworkGreeting> {
    noStore(reply);
    await this.limiter.consume({ bucket: 'homework-link', key: request.ip, ...LINK_LIMIT }, reply);
    return this.links.greeting(body.token);
  }

  @Post('session')
  @UseGuards(HomeworkHeaderGuard)
  @HttpCode(200)
  @ApiProblem(404, 'The link is not active (used up, revoked, expired or unknown).')
  @ApiProblem(429, 'Too many link look-ups from this address.')
  @ApiOperation({ summary: "The partner's own action: start a short session scoped to their response" })
  async start(
    @Body() body: HomeworkTokenDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<{ ok: true }> {
    await this.limiter.consume({ bucket: 'homework-link', key: request.ip, ...LINK_LIMIT }, reply);
    const response = await this.links.useLink(body.token);
    await request.session.regenerate();
    request.session.homeworkResponseId = response.id;
    request.session.homeworkOpenedAt = Date.now();
    request.session.homeworkLastSeenAt = request.session.homeworkOpenedAt;
    return { ok: true };
  }

  @Get('current')
  @UseGuards(HomeworkSessionGuard)
  @ApiOperation({ summary: 'The homework of this session: prompts, my answers, and (when allowed) my partner’s' })
  current(@HomeworkActor() partner: PartnerActor): Promise<HomeworkView> {
    return this.homework.view(partner);
  }

  @Put('current/draft')
  @UseGuards(HomeworkHeaderGuard, HomeworkSessionGuard)
  @ApiProblem(409, 'The answers were already submitted, or another partner opened their homework in this browser.')
  @ApiOperation({ summary: 'Autosave: partial answers are fine' })
  saveDraft(@Body() body: AnswersDto, @HomeworkActor() partner: PartnerActor): Promise<{ savedAt: string }> {
    return this.homework.saveDraft(partner, body.answers);
  }

  @Post('current/submit')
  @UseGuards(HomeworkHeaderGuard, HomeworkSessionGuard)
  @HttpCode(200)
  @ApiProblem(
    409,
    'The answers were already submitted (the first submission is kept), or another partner opened their homework in this browser.',
  )
  @ApiOperation({ summary: 'Submit complete answers, once (a second submit is 409 and the first is kept)' })
  submit(@Body() body: AnswersDto, @HomeworkActor() partner: PartnerActor): Promise<{ submittedAt: string }> {
    return this.homework.submit(partner, body.answers);
  }

  @Post('current/not-safe')
  @UseGuards(HomeworkHeaderGuard, HomeworkSessionGuard)
  @HttpCode(200)
  @ApiProblem(409, 'Another partner opened their homework in this browser.')
  @ApiOperation({
    summary: '"I don\'t feel safe doing this exercise": tells the counselor (only), pauses sharing and joint homework',
  })
  // The empty DTO makes any field sent a 400 naming it, like every other body.
  reportNotSafe(@Body() _body: NotSafeDto, @HomeworkActor() partner: PartnerActor): Promise<NotSafeReceipt> {
    return this.homework.reportNotSafe(partner);
  }

  @Post('fresh-link')
  @UseGuards(HomeworkHeaderGuard)
  @HttpCode(202)
  @ApiProblem(429, 'Too many requests from this address or for this email.')
  @ApiOperation({ summary: 'Email fresh links for open homework to this address (same answer either way)' })
  async freshLink(
    @Body() body: FreshLinkDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<{ message: string }> {
    await this.limiter.consume({ bucket: 'fresh-link-ip', key: request.ip, limit: 10, windowSeconds: 3600 }, reply);
    await this.limiter.consume(
      { bucket: 'fresh-link-email', key: body.email.toLowerCase(), limit: 3, windowSeconds: 3600 },
      reply,
    );
    await this.links.sendFreshLinks(body.email);
    return { message: 'If that address has homework waiting, a new link is on its way.' };
  }
}
