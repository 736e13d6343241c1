import {
  applyDecorators,
  CallHandler,
  ExecutionContext,
  Injectable,
  NestInterceptor,
  SetMetadata,
  UseInterceptors,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DECORATORS } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Observable } from 'rxjs';

/**
 * How a deprecated /api/v1 operation is announced (README, "API versioning"). Dates are ISO 8601
 * instants, so a typo fails at start-up instead of sending a header no client can parse.
 */
export interface DeprecationNotice {
  /** When the operation became deprecated (may be in the future: announced ahead). */
  since: string;
  /** When it stops answering, once that is decided; at least 180 days after `since`. */
  sunset?: string;
  /** Where the changelog explains what to use instead. */
  link?: string;
}

const DEPRECATION = Symbol('trellis:deprecation');

/** The notice the README promises integrators: an operation answers for 180 days after `since`. */
const MIN_NOTICE_MS = 180 * 24 * 60 * 60 * 1000;

/** The response headers a notice turns into (RFC 9745 `Deprecation`, RFC 8594 `Sunset`). */
export function deprecationHeaders(notice: DeprecationNotice): Record<string, string> {
  const since = instant(notice.since, 'since');
  const headers: Record<string, string> = { deprecation: `@${Math.floor(since.getTime() / 1000)}` };
  if (notice.sunset !== undefined) {
    const sunset = instant(notice.sunset, 'sunset');
    if (sunset.getTime() - since.getTime() < MIN_NOTICE_MS) {
      throw new Error(`@Deprecated: sunset ${notice.sunset} is less than 180 days after since ${notice.since}`);
    }
    headers.sunset = sunset.toUTCString();
  }
  if (notice.link !== undefined) headers.link = `<${notice.link}>; rel="deprecation"; type="text/html"`;
  return headers;
}

function instant(value: string, field: keyof DeprecationNotice): Date {
  const date = new Date(value);
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(date.getTime())) {
    throw new Error(`@Deprecated: ${field} must be an ISO 8601 date, got "${value}"`);
  }
  return date;
}

/**
 * Sets the notice's headers on every answer the handler gives, its errors included. A guard's
 * refusal (401, 403) comes before interceptors and goes out without them: a client learns of the
 * deprecation from any answer it is allowed to get.
 */
@Injectable()
export class DeprecationInterceptor implements NestInterceptor {
  constructor(private readonly reflector: Reflector) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const headers = this.reflector.get<Record<string, string> | undefined>(DEPRECATION, context.getHandler());
    if (headers) {
      // Set before the handler runs: the problem+json filter answers on the same reply, so a 4xx
      // from the handler carries the notice too.
      const reply = context.switchToHttp().getResponse<FastifyReply>();
      for (const [name, value] of Object.entries(headers)) reply.header(name, value);
    }
    return next.handle();
  }
}

/**
 * Marks an /api/v1 operation deprecated: `deprecated: true` in the OpenAPI document and the
 * `Deprecation` (+ `Sunset`, `Link`) headers on its responses. Add its entry under "Deprecated" in
 * CHANGELOG.md in the same change.
 */
export function Deprecated(notice: DeprecationNotice): MethodDecorator {
  const headers = deprecationHeaders(notice);
  return applyDecorators(SetMetadata(DEPRECATION, headers), UseInterceptors(DeprecationInterceptor), markDeprecated);
}

/**
 * `@ApiOperation({ deprecated: true })` would also reset the summary to '' when it runs after the
 * route's own `@ApiOperation`; merging into the stored operation keeps both in either order.
 */
const markDeprecated: MethodDecorator = (_target, _key, descriptor) => {
  const handler = descriptor.value as object;
  const operation = (Reflect.getMetadata(DECORATORS.API_OPERATION, handler) ?? {}) as object;
  Reflect.defineMetadata(DECORATORS.API_OPERATION, { ...operation, deprecated: true }, handler);
  return descriptor;
};
