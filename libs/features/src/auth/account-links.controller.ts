import { Body, Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { SessionResponse, TwoFactorChallenge } from '@trellis/contracts';
import type { Actor } from '../actor/actor';
import { CurrentActor } from '../actor/current-actor';
import { PasswordResetRequestDto, SetPasswordDto, TokenDto } from './account-links.dto';
import { AccountLinksService } from './account-links.service';
import { FixedWindowLimiter } from './fixed-window-limiter';
import { PasswordResetRequestsService } from './password-reset-requests.service';
import { Public } from './public.decorator';
import { SignInService } from './sign-in.service';
import { signInSessionOf } from './start-session';
import { ApiProblem } from '../http/api-problem.decorator';

// Link look-ups per IP: plenty for a person retyping a password, useless for guessing 256-bit tokens.
const LINK_LIMIT = { limit: 30, windowSeconds: 15 * 60 };

@ApiTags('auth')
@Public()
@Controller('auth')
export class AccountLinksController {
  constructor(
    private readonly links: AccountLinksService,
    private readonly limiter: FixedWindowLimiter,
    private readonly signIn: SignInService,
    private readonly resetRequests: PasswordResetRequestsService,
  ) {}

  @Post('invitations/lookup')
  @HttpCode(200)
  @ApiProblem(404, 'The invitation link is no longer valid.')
  @ApiProblem(409, 'The email address already has a Trellis account, with another clinic.')
  @ApiProblem(429, 'Too many link look-ups from this address.')
  @ApiOperation({ summary: 'Who an invitation link is for (404 when it is no longer valid)' })
  async lookup(
    @Body() body: TokenDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    await this.limiter.consume({ bucket: 'link', key: request.ip, ...LINK_LIMIT }, reply);
    return this.links.lookupInvitation(body.token);
  }

  @Post('invitations/accept')
  @HttpCode(200)
  @ApiProblem(404, 'The invitation link is no longer valid.')
  @ApiProblem(409, 'The email address already has a Trellis account, with another clinic.')
  @ApiProblem(429, 'Too many link look-ups from this address.')
  @ApiOperation({ summary: 'Set a password from an invitation link and sign in' })
  async accept(
    @Body() body: SetPasswordDto,
    @CurrentActor() actor: Actor,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SessionResponse | TwoFactorChallenge> {
    await this.limiter.consume({ bucket: 'link', key: request.ip, ...LINK_LIMIT }, reply);
    const user = await this.links.acceptInvitation(body.token, body.password, actor);
    return this.signIn.afterPassword(signInSessionOf(request), actor, user);
  }

  @Post('password-reset')
  @HttpCode(202)
  @ApiProblem(429, 'Too many reset requests from this address or for this email.')
  @ApiOperation({ summary: 'Email a reset link if the address has an active account (same answer either way)' })
  async requestReset(
    @Body() body: PasswordResetRequestDto,
    @CurrentActor() actor: Actor,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<{ message: string }> {
    await this.limiter.consume({ bucket: 'reset-ip', key: request.ip, limit: 20, windowSeconds: 3600 }, reply);
    await this.limiter.consume(
      { bucket: 'reset-email', key: body.email.toLowerCase(), limit: 5, windowSeconds: 3600 },
      reply,
    );
    // Answered before any look-up: the worker finds the account (password-reset-requests.service.ts).
    await this.resetRequests.request(body.email, actor);
    return { message: 'If that email has an account, a link to reset the password is on its way.' };
  }

  @Post('password-reset/lookup')
  @HttpCode(200)
  @ApiProblem(404, 'The reset link is no longer valid.')
  @ApiProblem(429, 'Too many link look-ups from this address.')
  @ApiOperation({ summary: 'Whether a reset link still works, and for whom (404 when not)' })
  async lookupReset(
    @Body() body: TokenDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    await this.limiter.consume({ bucket: 'link', key: request.ip, ...LINK_LIMIT }, reply);
    return this.links.lookupPasswordReset(body.token);
  }

  @Post('password-reset/confirm')
  @HttpCode(200)
  @ApiProblem(404, 'The reset link is no longer valid.')
  @ApiProblem(429, 'Too many link look-ups from this address.')
  @ApiOperation({ summary: 'Set a new password from a reset link; ends every other session' })
  async confirmReset(
    @Body() body: SetPasswordDto,
    @CurrentActor() actor: Actor,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SessionResponse | TwoFactorChallenge> {
    await this.limiter.consume({ bucket: 'link', key: request.ip, ...LINK_LIMIT }, reply);
    const user = await this.links.confirmPasswordReset(body.token, body.password, actor);
    // With two-factor on, a reset link alone (someone with the inbox) does not sign anyone in.
    return this.signIn.afterPassword(signInSessionOf(request), actor, user);
  }
}
