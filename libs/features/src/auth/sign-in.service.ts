import { Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { SessionResponse, SessionUser, TwoFactorChallenge } from '@trellis/contracts';
import { AuditService } from '../audit/audit.service';
import { startSession, startTwoFactorChallenge } from './start-session';
import { TwoFactorService } from './two-factor/two-factor.service';

/**
 * What follows a correct password (sign-in, accepted invitation, password reset): a session, a
 * second-factor challenge, or a session limited to setting up the second factor.
 */
@Injectable()
export class SignInService {
  constructor(
    private readonly twoFactor: TwoFactorService,
    private readonly audit: AuditService,
  ) {}

  async afterPassword(request: FastifyRequest, user: SessionUser): Promise<SessionResponse | TwoFactorChallenge> {
    if (await this.twoFactor.isEnabled(user.id)) {
      await startTwoFactorChallenge(request, user);
      return { twoFactorRequired: true };
    }
    const required = await this.twoFactor.clinicRequires(user.clinicId);
    return this.complete(request, user, { twoFactorEnabled: false, twoFactorEnrollmentRequired: required }, 'password');
  }

  async complete(
    request: FastifyRequest,
    user: SessionUser,
    flags: { twoFactorEnabled: boolean; twoFactorEnrollmentRequired: boolean },
    method: 'password' | 'totp' | 'recovery_code',
  ): Promise<SessionResponse> {
    const session = await startSession(request, user, flags);
    await this.audit.record(
      {
        clinicId: user.clinicId,
        actorType: 'staff',
        actorId: user.id,
        action: 'auth.login',
        outcome: 'success',
        recordType: 'staff_user',
        recordId: user.id,
        details: { method },
      },
      request,
    );
    return session;
  }
}
