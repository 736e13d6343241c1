import { Body, Controller, HttpCode, Post, Req, Res, UnauthorizedException } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { SessionResponse, SessionUser, TwoFactorSetup } from '@trellis/contracts';
import type { Actor, StaffActor } from '../../actor/actor';
import { CurrentActor } from '../../actor/current-actor';
import { AuditService } from '../../audit/audit.service';
import { validationProblem } from '../../http/problem.exception';
import { AuthService } from '../auth.service';
import { CurrentStaff } from '../current-staff';
import { FixedWindowLimiter } from '../fixed-window-limiter';
import { AllowDuringTwoFactorEnrollment, Public, SessionOnly } from '../public.decorator';
import { SignInService } from '../sign-in.service';
import { signInSessionOf } from '../start-session';
import { SecondFactorDto, TotpCodeDto } from './two-factor.dto';
import { SecondFactor, TwoFactorService } from './two-factor.service';
import { ApiProblem } from '../../http/api-problem.decorator';

// A challenge must be answered soon after the password; after that, start again.
const CHALLENGE_TTL_MS = 5 * 60_000;

function secondFactorOf(body: SecondFactorDto): SecondFactor {
  if (body.code && body.recoveryCode)
    throw validationProblem([{ field: 'recoveryCode', message: 'send either a code or a recovery code, not both' }]);
  if (body.code) return { code: body.code };
  if (body.recoveryCode) return { recoveryCode: body.recoveryCode };
  throw validationProblem([{ field: 'code', message: 'is required' }]);
}

@ApiTags('auth')
// A session's own business (its CSRF token, signing out, its second factor): never an API token's.
@SessionOnly()
@Controller('auth/2fa')
export class TwoFactorController {
  constructor(
    private readonly twoFactor: TwoFactorService,
    private readonly signIn: SignInService,
    private readonly limiter: FixedWindowLimiter,
    private readonly audit: AuditService,
    private readonly auth: AuthService,
  ) {}

  @Public()
  @Post('verify')
  @HttpCode(200)
  @ApiProblem(401, 'The sign-in step expired, or the code is not right.')
  @ApiProblem(429, 'Too many codes tried: wait for `Retry-After` seconds.')
  @ApiOperation({ summary: 'Second step of sign-in: the authenticator code or a recovery code' })
  async verify(
    @Body() body: SecondFactorDto,
    @CurrentActor() actor: Actor,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SessionResponse> {
    const factor = secondFactorOf(body);
    const userId = request.session.pendingTwoFactorUserId;
    const since = request.session.pendingTwoFactorSince ?? 0;
    if (!userId || Date.now() - since > CHALLENGE_TTL_MS)
      throw new UnauthorizedException('Sign in again: the sign-in step expired.');
    // 5 wrong codes per 15 minutes per person: a 6-digit code cannot be guessed at that rate.
    await this.limiter.consume({ bucket: '2fa', key: userId, limit: 5, windowSeconds: 15 * 60 }, reply);
    const user = await this.auth.activeUser(userId);
    if (!user) throw new UnauthorizedException('Sign in again.');
    if (!(await this.twoFactor.verify(user.id, user.email, factor))) {
      await this.audit.record(actor, {
        action: 'auth.2fa_verify',
        outcome: 'failure',
        recordType: 'staff_user',
        recordId: user.id,
        // Not signed in yet, but the password named this account: its clinic sees the attempt.
        attributedTo: { clinicId: user.clinicId, actorId: user.id },
      });
      throw new UnauthorizedException('That code is not right. Try the newest code from your app.');
    }
    return this.signIn.complete(
      signInSessionOf(request),
      actor,
      user,
      { twoFactorEnabled: true, twoFactorEnrollmentRequired: false },
      'code' in factor ? 'totp' : 'recovery_code',
    );
  }

  @Post('setup')
  @HttpCode(200)
  @AllowDuringTwoFactorEnrollment()
  @ApiProblem(409, 'Two-factor sign-in is already on: turn it off first to change devices.')
  @ApiOperation({ summary: 'Start setting up an authenticator app: a new secret and its otpauth:// URL' })
  setup(@CurrentStaff() user: SessionUser): Promise<TwoFactorSetup> {
    return this.twoFactor.beginSetup(user);
  }

  @Post('enable')
  @HttpCode(200)
  @AllowDuringTwoFactorEnrollment()
  @ApiProblem(409, 'Start the set-up first.')
  @ApiOperation({ summary: 'Confirm set-up with the current code; answers the recovery codes (shown once)' })
  async enable(
    @CurrentActor() actor: StaffActor,
    @Body() body: TotpCodeDto,
    @Req() request: FastifyRequest,
  ): Promise<{ recoveryCodes: string[] }> {
    const recoveryCodes = await this.twoFactor.enable(actor.staff, body.code);
    request.session.twoFactorEnrollmentRequired = false;
    await this.audit.record(actor, {
      action: 'auth.2fa_enable',
      outcome: 'success',
      recordType: 'staff_user',
      recordId: actor.staff.id,
    });
    return { recoveryCodes };
  }

  @Post('disable')
  @HttpCode(204)
  @ApiProblem(409, 'The clinic requires two-factor sign-in.')
  @ApiOperation({ summary: 'Turn two-factor sign-in off (needs a current code or a recovery code)' })
  async disable(@CurrentActor() actor: StaffActor, @Body() body: SecondFactorDto): Promise<void> {
    await this.twoFactor.disable(actor.staff, secondFactorOf(body));
    await this.audit.record(actor, {
      action: 'auth.2fa_disable',
      outcome: 'success',
      recordType: 'staff_user',
      recordId: actor.staff.id,
    });
  }
}
