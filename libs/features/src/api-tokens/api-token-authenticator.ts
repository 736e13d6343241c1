import { ForbiddenException, Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppConfig } from '@trellis/config';
import { hashSecretToken } from '@trellis/data';
import { FixedWindowLimiter } from '../auth/fixed-window-limiter';
import { APP_CONFIG } from '../config/config.tokens';
import { ApiTokensRepository } from './api-tokens.repository';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const BEARER = /^Bearer[ ]+([A-Za-z0-9_-]{1,200})[ ]*$/i;

/** The secret of `Authorization: Bearer <token>`; undefined when the request sent no such header. */
export function bearerTokenOf(request: FastifyRequest): string | null | undefined {
  const header = request.headers.authorization;
  if (header === undefined) return undefined;
  // A header that is there but malformed is a failed attempt, not "no token": never fall back to a cookie.
  return BEARER.exec(header)?.[1] ?? null;
}

function refuse(reply: FastifyReply, message: string): never {
  // RFC 6750 §3: a refused bearer token says which scheme, and why, in WWW-Authenticate.
  reply.header('www-authenticate', 'Bearer realm="trellis", error="invalid_token"');
  throw new UnauthorizedException(message);
}

/**
 * Lets in a request that carries an API token instead of a session: the token must be live
 * (unrevoked, unexpired, its creator still active), within its per-minute rate limit, and a
 * read-only token may only read. Sets `request.staff` (the creator, whose role and caseload it
 * acts with) and `request.apiToken` (what the audit trail names). No CSRF token: a browser never
 * adds an Authorization header to a cross-site request, so there is nothing to forge.
 */
@Injectable()
export class ApiTokenAuthenticator {
  constructor(
    private readonly tokens: ApiTokensRepository,
    private readonly limiter: FixedWindowLimiter,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async authenticate(request: FastifyRequest, reply: FastifyReply, secret: string | null): Promise<void> {
    if (!secret) refuse(reply, 'Send the API token as "Authorization: Bearer <token>".');
    const token = await this.tokens.findUsable(hashSecretToken(secret));
    if (!token) refuse(reply, 'This API token is unknown, expired or revoked.');

    await this.limiter.consume(
      { bucket: 'api-token', key: token.id, limit: this.config.auth.apiTokenRequestsPerMinute, windowSeconds: 60 },
      reply,
    );
    if (token.scope === 'read' && !SAFE_METHODS.has(request.method)) {
      throw new ForbiddenException('This API token is read-only.');
    }
    if (!token.lastUsedAt || Date.now() - token.lastUsedAt.getTime() > 60_000) await this.tokens.touch(token.id);
    request.staff = token.staff;
    request.apiToken = { id: token.id, name: token.name, scope: token.scope };
  }
}
