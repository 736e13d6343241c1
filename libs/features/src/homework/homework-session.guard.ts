import {
  CanActivate,
  ConflictException,
  createParamDecorator,
  ExecutionContext,
  ForbiddenException,
  Injectable,
  UnauthorizedException,
} from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { HOMEWORK_CSRF_HEADER, HOMEWORK_RESPONSE_HEADER } from '@trellis/contracts';
import type { PartnerActor } from '../actor/actor';
import { actorFrom } from '../actor/current-actor';

// A homework session ends after 2 hours without a save: long enough for a slow evening, short
// enough that a shared phone does not stay open on someone's answers.
const HOMEWORK_IDLE_MS = 2 * 3600 * 1000;

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const SESSION_ENDED = 'Open the link from your email again to continue.';

/** Nothing of a partner's homework is cached or leaks through a referrer. */
export function noStore(reply: FastifyReply): void {
  reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer');
}

function requestAndReply(context: ExecutionContext) {
  const http = context.switchToHttp();
  return { request: http.getRequest<FastifyRequest>(), reply: http.getResponse<FastifyReply>() };
}

/** Writes must carry a custom header, which a cross-site form or image cannot send. */
@Injectable()
export class HomeworkHeaderGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const { request, reply } = requestAndReply(context);
    // Its refusals too: they never reach the handler, which sets it for everything else.
    noStore(reply);
    if (request.headers[HOMEWORK_CSRF_HEADER] !== '1') throw new ForbiddenException('Reload the page and try again.');
    return true;
  }
}

/**
 * A live homework session: started from an emailed link, idle for less than HOMEWORK_IDLE_MS.
 * Each request slides the idle clock. On writes, a shared phone is caught: if another partner
 * started a session in this browser after the page loaded, the page's saves name a different
 * response than the session and are refused. Put HomeworkHeaderGuard first on writes: a missing
 * header is a 403 before any session check.
 */
@Injectable()
export class HomeworkSessionGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const { request, reply } = requestAndReply(context);
    noStore(reply);
    const { homeworkResponseId, homeworkLastSeenAt } = request.session;
    if (!homeworkResponseId || !homeworkLastSeenAt || Date.now() - homeworkLastSeenAt > HOMEWORK_IDLE_MS) {
      throw new UnauthorizedException(SESSION_ENDED);
    }
    request.session.homeworkLastSeenAt = Date.now();
    const named = request.headers[HOMEWORK_RESPONSE_HEADER];
    if (!SAFE_METHODS.has(request.method) && named !== undefined && named !== homeworkResponseId) {
      throw new ConflictException(
        'Someone else opened their homework in this browser. Reload the page and open your own link.',
      );
    }
    request.homeworkResponseId = homeworkResponseId;
    // A session from before this field existed counts as opened at 0: ended by any revocation.
    request.homeworkSessionOpenedAt = request.session.homeworkOpenedAt ?? 0;
    return true;
  }
}

/** The partner of the homework session HomeworkSessionGuard let in (401 on a route without it). */
export const HomeworkActor = createParamDecorator((_data: unknown, ctx: ExecutionContext): PartnerActor => {
  const actor = actorFrom(ctx.switchToHttp().getRequest<FastifyRequest>());
  if (actor.kind !== 'client_link') throw new UnauthorizedException(SESSION_ENDED);
  return actor;
});
