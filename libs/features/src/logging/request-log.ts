import type { FastifyInstance } from 'fastify';
import pino, { DestinationStream, Logger } from 'pino';
import { AppConfig, LogLevelName } from '@trellis/config';

const PINO_LEVELS: Record<LogLevelName, pino.Level> = {
  error: 'error',
  warn: 'warn',
  log: 'info',
  debug: 'debug',
  verbose: 'trace',
};

/** What one request line holds, and all it holds: no URL, query, header or body. */
export interface RequestLine {
  reqId: string;
  method: string;
  route: string;
  status: number;
  durationMs: number;
}

const LEVEL_LABELS: Record<number, string> = { 10: 'VERBOSE ', 20: 'DEBUG ', 40: 'WARN ', 50: 'ERROR ', 60: 'FATAL ' };

/**
 * `12:04:31 GET /api/v1/couples/:id 200 8.1 ms req-4` for a request, `12:04:31 WARN [Context]
 * message` for an app line (no label at info), for `npm start`.
 */
export function prettyLine(entry: Record<string, unknown>): string {
  const time = new Date(typeof entry.time === 'number' ? entry.time : Date.now()).toISOString().slice(11, 19);
  if (entry.route !== undefined) {
    return `${time} ${entry.method} ${entry.route} ${entry.status} ${entry.durationMs} ms ${entry.reqId}\n`;
  }
  const label = LEVEL_LABELS[entry.level as number] ?? '';
  const context = typeof entry.context === 'string' ? `[${entry.context}] ` : '';
  const stack = typeof entry.stack === 'string' ? `\n${entry.stack}` : '';
  return `${time} ${label}${context}${String(entry.msg ?? '')}${stack}\n`;
}

/**
 * The process's pino logger (LOG_LEVEL, LOG_FORMAT): Fastify's (the request lines) and, through
 * `AppLogger`, Nest's (every other line of the api and the worker). JSON goes out as pino writes it;
 * pretty lines are formatted here, a few fields, no dependency. Written through
 * `process.stdout.write` at each call, so a test can read what an operator would.
 */
export function createRequestLogger(config: Pick<AppConfig, 'logLevel' | 'logFormat'>, app: string): Logger {
  const destination: DestinationStream = {
    write: (line: string) => {
      process.stdout.write(config.logFormat === 'json' ? line : prettyLine(JSON.parse(line)));
    },
  };
  return pino(
    {
      level: PINO_LEVELS[config.logLevel],
      base: { app, pid: process.pid },
      messageKey: 'msg',
      // Fastify logs a request only on its own errors; even then never the URL, which can hold
      // an emailed link's token (/h/<token>), nor headers (cookies) or bodies (clinical text).
      serializers: {
        req: (request: { id?: string; method?: string }) => ({ id: request.id, method: request.method }),
        res: (reply: { statusCode?: number }) => ({ statusCode: reply.statusCode }),
      },
    },
    destination,
  );
}

/**
 * One line per answered request: request id, method, route template (never the path), status and
 * duration. Fastify's own request logging stays off (it logs the URL).
 */
export function registerRequestLogging(fastify: FastifyInstance): void {
  fastify.addHook('onResponse', (request, reply, done) => {
    // request.log's bindings already carry reqId (request.id): the line adds the rest.
    const line: Omit<RequestLine, 'reqId'> = {
      method: request.method,
      route: request.routeOptions.url ?? 'unmatched',
      status: reply.statusCode,
      durationMs: Math.round(reply.elapsedTime * 10) / 10,
    };
    request.log.info(line, 'request');
    done();
  });
}
