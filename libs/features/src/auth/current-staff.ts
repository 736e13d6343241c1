import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { SessionUser } from '@trellis/contracts';

declare module 'fastify' {
  interface FastifyRequest {
    staff?: SessionUser;
  }
}

/** The signed-in staff member, set by the auth guard. */
export const CurrentStaff = createParamDecorator((_data: unknown, ctx: ExecutionContext): SessionUser => {
  const request = ctx.switchToHttp().getRequest<FastifyRequest>();
  return request.staff as SessionUser;
});
