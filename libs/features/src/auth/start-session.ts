import type { FastifyRequest } from 'fastify';
import { randomBytes } from 'node:crypto';
import type { SessionResponse, SessionUser } from '@trellis/contracts';
import type { SessionFlags, SignInSession } from './sign-in.service';

/** Signs a person in on this request: a fresh session id (no fixation) and a fresh CSRF token. */
export async function startSession(
  request: FastifyRequest,
  user: SessionUser,
  flags: SessionFlags,
): Promise<SessionResponse> {
  await request.session.regenerate();
  const now = Date.now();
  request.session.userId = user.id;
  request.session.clinicId = user.clinicId;
  request.session.signedInAt = now;
  request.session.lastSeenAt = now;
  request.session.twoFactorEnrollmentRequired = flags.twoFactorEnrollmentRequired;
  request.session.csrfToken = randomBytes(32).toString('base64url');
  return { user, csrfToken: request.session.csrfToken, ...flags };
}

/** Password checked, second factor still needed: the session holds who, but grants nothing. */
export async function startTwoFactorChallenge(request: FastifyRequest, user: SessionUser): Promise<void> {
  await request.session.regenerate();
  request.session.pendingTwoFactorUserId = user.id;
  request.session.pendingTwoFactorSince = Date.now();
}

/** This request's session, for the sign-in steps (which never see the request). */
export function signInSessionOf(request: FastifyRequest): SignInSession {
  return {
    startTwoFactorChallenge: (user) => startTwoFactorChallenge(request, user),
    start: (user, flags) => startSession(request, user, flags),
  };
}
