import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { STATUS_CODES } from 'node:http';
import type { ProblemDetails } from '@trellis/contracts';
import { ProblemException } from './problem.exception';

/** Fastify's own errors (bad JSON, body too large…) that reach us unwrapped carry a statusCode. */
interface FastifyError {
  statusCode?: number;
  message?: string;
}

/**
 * Every error leaves as RFC 9457 problem+json. Unexpected errors are logged with their stack here
 * and answered with a plain 500: no stack trace, SQL or internal message ever reaches the client.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const reply = http.getResponse<FastifyReply>();
    const request = http.getRequest<FastifyRequest>();
    const problem = this.toProblem(exception);
    if (problem.status >= 500) {
      this.logger.error(
        `${request.method} ${request.routeOptions?.url ?? 'unknown route'} failed`,
        (exception as Error)?.stack ?? String(exception),
      );
    }
    reply.status(problem.status).header('content-type', 'application/problem+json').send(problem);
  }

  private toProblem(exception: unknown): ProblemDetails {
    if (exception instanceof ProblemException) {
      return this.base(exception.getStatus(), exception.detail, exception.fieldErrors);
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      const message =
        typeof response === 'string'
          ? response
          : Array.isArray((response as { message?: unknown }).message)
            ? (response as { message: string[] }).message.join('; ')
            : String((response as { message?: unknown }).message ?? exception.message);
      return this.base(status, status >= 500 ? undefined : message);
    }
    const fastifyError = exception as FastifyError;
    if (fastifyError?.statusCode && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500) {
      return this.base(fastifyError.statusCode, fastifyError.message ?? 'The request could not be read.');
    }
    return this.base(HttpStatus.INTERNAL_SERVER_ERROR);
  }

  private base(status: number, detail?: string, errors?: ProblemDetails['errors']): ProblemDetails {
    return {
      type: 'about:blank',
      title: STATUS_CODES[status] ?? 'Error',
      status,
      ...(detail ? { detail } : {}),
      ...(errors && errors.length ? { errors } : {}),
    };
  }
}
