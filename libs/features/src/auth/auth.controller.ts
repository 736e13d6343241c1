import {
  Body,
  Controller,
  Get,
  HttpCode,
  HttpException,
  HttpStatus,
  Post,
  Req,
  Res,
  UnauthorizedException,
} from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { SessionResponse, SessionUser, TwoFactorChallenge } from '@trellis/contracts';
import type { Actor, StaffActor } from '../actor/actor';
import { CurrentActor } from '../actor/current-actor';
import { AuditService } from '../audit/audit.service';
import { LoginDto } from './auth.dto';
import { AuthService } from './auth.service';
import { CurrentStaff } from './current-staff';
import { LoginRateLimiter } from './login-rate-limiter';
import { AllowDuringTwoFactorEnrollment, Public, SessionOnly } from './public.decorator';
import { SignInService } from './sign-in.service';
import { signInSessionOf } from './start-session';
import { TwoFactorService } from './two-factor/two-factor.service';
import { ApiProblem } from '../http/api-problem.decorator';

const WRONG_CREDENTIALS = 'The email or password is not right.';

@ApiTags('auth')
// A session's own business (its CSRF token, signing out, its second factor): never an API token's.
@SessionOnly()
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly limiter: LoginRateLimiter,
    private readonly audit: AuditService,
    private readonly signIn: SignInService,
    private readonly twoFactor: TwoFactorService,
  ) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiProblem(401, 'Wrong email or password (the same answer for an unknown email).')
  @ApiProblem(429, 'Too many failed sign-ins for this account or from this address: wait for `Retry-After` seconds.')
  @ApiOperation({ summary: 'Sign in with email and password; sets the session cookie' })
  async login(
    @Body() body: LoginDto,
    @CurrentActor() actor: Actor,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SessionResponse | TwoFactorChallenge> {
    const email = body.email.trim().toLowerCase();
    const verdict = await this.limiter.check(email, request.ip);
    if (verdict.blocked) {
      reply.header('retry-after', String(verdict.retryAfterSeconds));
      throw new HttpException(
        'Too many failed sign-ins. Wait a few minutes and try again.',
        HttpStatus.TOO_MANY_REQUESTS,
      );
    }
    const user = await this.auth.verifyCredentials(email, body.password);
    if (!user) {
      await this.limiter.recordFailure(email, request.ip);
      const known = await this.auth.clinicOfEmail(email);
      await this.audit.record(actor, {
        action: 'auth.login',
        outcome: 'failure',
        recordType: known ? 'staff_user' : undefined,
        recordId: known?.id,
        // Nobody signed in, but the row names the account that was tried, so its clinic sees it.
        attributedTo: { clinicId: known?.clinicId ?? null, actorId: known?.id ?? null },
      });
      throw new UnauthorizedException(WRONG_CREDENTIALS);
    }
    await this.limiter.recordSuccess(email, request.ip);
    return this.signIn.afterPassword(signInSessionOf(request), actor, user);
  }

  @Get('session')
  @ApiOperation({ summary: 'The signed-in person and the CSRF token for writes; 401 when signed out' })
  @AllowDuringTwoFactorEnrollment()
  async session(@CurrentStaff() user: SessionUser, @Req() request: FastifyRequest): Promise<SessionResponse> {
    return {
      user,
      csrfToken: request.session.csrfToken as string,
      twoFactorEnabled: await this.twoFactor.isEnabled(user.id),
      twoFactorEnrollmentRequired: request.session.twoFactorEnrollmentRequired === true,
    };
  }

  @Post('logout')
  @AllowDuringTwoFactorEnrollment()
  @HttpCode(204)
  @ApiOperation({ summary: 'Ends the session' })
  async logout(@CurrentActor() actor: StaffActor, @Req() request: FastifyRequest): Promise<void> {
    await this.audit.record(actor, {
      action: 'auth.logout',
      outcome: 'success',
      recordType: 'staff_user',
      recordId: actor.staff.id,
    });
    await request.session.destroy();
  }
}
