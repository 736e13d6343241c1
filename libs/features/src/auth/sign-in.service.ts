import { Injectable } from '@nestjs/common';
import type { SessionResponse, SessionUser, TwoFactorChallenge } from '@trellis/contracts';
import { type Actor, asStaff } from '../actor/actor';
import { AuditService } from '../audit/audit.service';
import { TwoFactorService } from './two-factor/two-factor.service';

export interface SessionFlags {
  twoFactorEnabled: boolean;
  twoFactorEnrollmentRequired: boolean;
}

/** The browser session a sign-in starts; the HTTP side provides it (`signInSessionOf` in start-session.ts). */
export interface SignInSession {
  /** Password checked, second factor still needed: the session holds who, but grants nothing. */
  startTwoFactorChallenge(user: SessionUser): Promise<void>;
  /** Signed in: a fresh session and CSRF token. */
  start(user: SessionUser, flags: SessionFlags): Promise<SessionResponse>;
}

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

  async afterPassword(
    session: SignInSession,
    actor: Actor,
    user: SessionUser,
  ): Promise<SessionResponse | TwoFactorChallenge> {
    if (await this.twoFactor.isEnabled(user.id)) {
      await session.startTwoFactorChallenge(user);
      return { twoFactorRequired: true };
    }
    const required = await this.twoFactor.clinicRequires(user.clinicId);
    const flags = { twoFactorEnabled: false, twoFactorEnrollmentRequired: required };
    return this.complete(session, actor, user, flags, 'password');
  }

  async complete(
    session: SignInSession,
    actor: Actor,
    user: SessionUser,
    flags: SessionFlags,
    method: 'password' | 'totp' | 'recovery_code',
  ): Promise<SessionResponse> {
    const started = await session.start(user, flags);
    await this.audit.record(asStaff(actor, user), {
      action: 'auth.login',
      outcome: 'success',
      recordType: 'staff_user',
      recordId: user.id,
      details: { method },
    });
    return started;
  }
}
