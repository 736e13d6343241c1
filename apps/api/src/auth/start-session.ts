import type { FastifyRequest } from 'fastify';
import { randomBytes } from 'node:crypto';
import type { SessionResponse, SessionUser } from '@trellis/contracts';

/** Signs a person in on this request: a fresh session id (no fixation) and a fresh CSRF token. */
export async function startSession(request: FastifyRequest, user: SessionUser): Promise<SessionResponse> {
  await request.session.regenerate();
  const now = Date.now();
  request.session.userId = user.id;
  request.session.clinicId = user.clinicId;
  request.session.signedInAt = now;
  request.session.lastSeenAt = now;
  request.session.csrfToken = randomBytes(32).toString('base64url');
  return { user, csrfToken: request.session.csrfToken };
}
