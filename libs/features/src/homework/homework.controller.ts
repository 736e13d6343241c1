import {
  Body,
  ConflictException,
  Controller,
  ForbiddenException,
  Get,
  HttpCode,
  Post,
  Put,
  Req,
  Res,
  UnauthorizedException,
} from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  HOMEWORK_CSRF_HEADER,
  HOMEWORK_RESPONSE_HEADER,
  type HomeworkGreeting,
  type HomeworkView,
} from '@trellis/contracts';
import { FixedWindowLimiter } from '../auth/fixed-window-limiter';
import { Public } from '../auth/public.decorator';
import { AnswersDto, FreshLinkDto, HomeworkTokenDto } from './homework.dto';
import { HomeworkLinksService } from './homework-links.service';
import { HomeworkService } from './homework.service';

// A homework session ends after 2 hours without a save: long enough for a slow evening, short
// enough that a shared phone does not stay open on someone's answers.
const HOMEWORK_IDLE_MS = 2 * 3600 * 1000;
// Link look-ups per IP: far more than a person needs, far too few to guess 256-bit tokens.
const LINK_LIMIT = { limit: 30, windowSeconds: 15 * 60 };

function noStore(reply: FastifyReply): void {
  reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer');
}

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

  /** Writes must carry a custom header, which a cross-site form or image cannot send. */
  private requireHeader(request: FastifyRequest): void {
    if (request.headers[HOMEWORK_CSRF_HEADER] !== '1') throw new ForbiddenException('Reload the page and try again.');
  }

  private responseId(request: FastifyRequest): string {
    const { homeworkResponseId, homeworkLastSeenAt } = request.session;
    if (!homeworkResponseId || !homeworkLastSeenAt || Date.now() - homeworkLastSeenAt > HOMEWORK_IDLE_MS) {
      throw new UnauthorizedException('Open the link from your email again to continue.');
    }
    request.session.homeworkLastSeenAt = Date.now();
    return homeworkResponseId;
  }

  /**
   * Shared phone: if another partner started a session in this browser after this page loaded,
   * the page's saves name a different response than the session and are refused.
   */
  private writableResponseId(request: FastifyRequest): string {
    const id = this.responseId(request);
    const named = request.headers[HOMEWORK_RESPONSE_HEADER];
    if (named !== undefined && named !== id) {
      throw new ConflictException(
        'Someone else opened their homework in this browser. Reload the page and open your own link.',
      );
    }
    return id;
  }

  @Post('link')
  @HttpCode(200)
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
  @HttpCode(200)
  @ApiOperation({ summary: "The partner's own action: start a short session scoped to their response" })
  async start(
    @Body() body: HomeworkTokenDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<{ ok: true }> {
    noStore(reply);
    this.requireHeader(request);
    await this.limiter.consume({ bucket: 'homework-link', key: request.ip, ...LINK_LIMIT }, reply);
    const response = await this.links.useLink(body.token);
    await request.session.regenerate();
    request.session.homeworkResponseId = response.id;
    request.session.homeworkLastSeenAt = Date.now();
    return { ok: true };
  }

  @Get('current')
  @ApiOperation({ summary: 'The homework of this session: prompts, my answers, and (when allowed) my partner’s' })
  current(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<HomeworkView> {
    noStore(reply);
    return this.homework.view(this.responseId(request), request);
  }

  @Put('current/draft')
  @ApiOperation({ summary: 'Autosave: partial answers are fine' })
  saveDraft(
    @Body() body: AnswersDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<{ savedAt: string }> {
    noStore(reply);
    this.requireHeader(request);
    return this.homework.saveDraft(this.writableResponseId(request), body.answers, request);
  }

  @Post('current/submit')
  @HttpCode(200)
  @ApiOperation({ summary: 'Submit complete answers, once (a second submit is 409 and the first is kept)' })
  submit(
    @Body() body: AnswersDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<{ submittedAt: string }> {
    noStore(reply);
    this.requireHeader(request);
    return this.homework.submit(this.writableResponseId(request), body.answers, request);
  }

  @Post('fresh-link')
  @HttpCode(202)
  @ApiOperation({ summary: 'Email fresh links for open homework to this address (same answer either way)' })
  async freshLink(
    @Body() body: FreshLinkDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<{ message: string }> {
    noStore(reply);
    this.requireHeader(request);
    await this.limiter.consume({ bucket: 'fresh-link-ip', key: request.ip, limit: 10, windowSeconds: 3600 }, reply);
    await this.limiter.consume(
      { bucket: 'fresh-link-email', key: body.email.toLowerCase(), limit: 3, windowSeconds: 3600 },
      reply,
    );
    await this.links.sendFreshLinks(body.email);
    return { message: 'If that address has homework waiting, a new link is on its way.' };
  }
}
