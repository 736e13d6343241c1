import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { isIP } from 'node:net';
import type { Actor, ApiTokenIdentity, Origin } from './actor';

declare module 'fastify' {
  interface FastifyRequest {
    /** The response of a live homework session, set by HomeworkSessionGuard. */
    homeworkResponseId?: string;
    /** When that session was opened from the link (epoch ms), set by HomeworkSessionGuard. */
    homeworkSessionOpenedAt?: number;
    /** The API token this request came with, set by the auth guard (with `staff`, its creator). */
    apiToken?: ApiTokenIdentity;
  }
}

const USER_AGENT_MAX = 500;

function originFrom(request: FastifyRequest): Origin {
  return {
    // Behind a proxy the address comes from a header a client can write: keep only a real address
    // (the audit column is inet, and a junk value must not fail the insert).
    ip: request.ip && isIP(request.ip) ? request.ip : null,
    userAgent: (request.headers['user-agent'] ?? '').slice(0, USER_AGENT_MAX) || null,
    requestId: request.id,
  };
}

/**
 * Who is acting on this request: the staff member (or API token) the auth guard let in, the partner the homework
 * session guard let in, or nobody (public routes).
 */
export function actorFrom(request: FastifyRequest): Actor {
  const origin = originFrom(request);
  if (request.staff && request.apiToken) {
    return { kind: 'api_token', staff: request.staff, token: request.apiToken, ...origin };
  }
  if (request.staff) return { kind: 'staff', staff: request.staff, ...origin };
  if (request.homeworkResponseId) {
    return {
      kind: 'client_link',
      responseId: request.homeworkResponseId,
      sessionOpenedAt: request.homeworkSessionOpenedAt ?? 0,
      clientId: null,
      clinicId: null,
      ...origin,
    };
  }
  return { kind: 'anonymous', ...origin };
}

/** The Actor of this request, for controllers to hand to services (which never see the request). */
export const CurrentActor = createParamDecorator((_data: unknown, ctx: ExecutionContext): Actor =>
  actorFrom(ctx.switchToHttp().getRequest<FastifyRequest>()),
);
