import { CanActivate, ExecutionContext, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { Inject } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { timingSafeEqual } from 'node:crypto';
import { AppConfig } from '@trellis/config';
import type { StaffRole } from '@trellis/contracts';
import { APP_CONFIG } from '../config/config.tokens';
import { ApiTokenAuthenticator, bearerTokenOf } from '../api-tokens/api-token-authenticator';
import { ALLOW_DURING_2FA_ENROLLMENT, IS_PUBLIC, REQUIRED_ROLES, SESSION_ONLY } from './public.decorator';
import { StaffAccountsRepository } from './staff-accounts.repository';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function sameToken(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b || a.length !== b.length) return false;
  return timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

/**
 * Every route needs a live staff session unless marked @Public(). The person is re-read on each
 * request (with the session, in the same statement), so a deactivation or role change takes
 * effect on their very next request; writes also need the session's CSRF token.
 *
 * Or an API token (`Authorization: Bearer`, see ApiTokenAuthenticator), except on @SessionOnly()
 * routes. A request that sends one is judged by it alone, never by a cookie it also carries.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly accounts: StaffAccountsRepository,
    private readonly apiTokens: ApiTokenAuthenticator,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;

    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const roles = this.reflector.getAllAndOverride<StaffRole[] | undefined>(REQUIRED_ROLES, targets);

    const bearer = bearerTokenOf(request);
    if (bearer !== undefined) {
      await this.apiTokens.authenticate(request, context.switchToHttp().getResponse<FastifyReply>(), bearer);
      if (this.reflector.getAllAndOverride<boolean>(SESSION_ONLY, targets)) {
        throw new ForbiddenException('An API token cannot do this: sign in to the dashboard.');
      }
      if (roles && request.staff && !roles.includes(request.staff.role)) {
        throw new ForbiddenException('Your role does not allow this.');
      }
      return true;
    }

    const session = request.session;
    if (!session?.userId || !session.signedInAt || !session.lastSeenAt)
      throw new UnauthorizedException('Sign in to continue.');

    const now = Date.now();
    const idle = now - session.lastSeenAt > this.config.session.idleMinutes * 60_000;
    const expired = now - session.signedInAt > this.config.session.absoluteHours * 3_600_000;
    if (idle || expired) {
      await session.destroy();
      throw new UnauthorizedException('Your session has ended. Sign in again.');
    }

    // The store reads the person with the session; a session created in this request was not read.
    const staff =
      session.staffNow !== undefined
        ? session.staffNow
        : await this.accounts.findSessionHolder(session.userId, session.clinicId);
    const revoked = staff?.sessionsValidAfter && session.signedInAt < staff.sessionsValidAfter;
    if (!staff || staff.status !== 'active' || revoked) {
      await session.destroy();
      throw new UnauthorizedException('Sign in to continue.');
    }

    if (
      !SAFE_METHODS.has(request.method) &&
      !sameToken(request.headers['x-csrf-token'] as string | undefined, session.csrfToken)
    ) {
      throw new ForbiddenException('Missing or invalid CSRF token: reload the page and try again.');
    }

    if (
      session.twoFactorEnrollmentRequired &&
      !this.reflector.getAllAndOverride<boolean>(ALLOW_DURING_2FA_ENROLLMENT, targets)
    ) {
      throw new ForbiddenException('Your clinic requires two-factor sign-in: set it up to continue.');
    }

    if (roles && !roles.includes(staff.role)) throw new ForbiddenException('Your role does not allow this.');

    // Touch at most once a minute: keeps the idle clock honest without a Redis write per request.
    if (now - session.lastSeenAt > 60_000) session.lastSeenAt = now;
    request.staff = { id: staff.id, email: staff.email, name: staff.name, role: staff.role, clinicId: staff.clinicId };
    return true;
  }
}
