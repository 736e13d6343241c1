import { LoggerService, LogLevel } from '@nestjs/common';
import type { Logger } from 'pino';
import { LOG_LEVELS, LogLevelName } from '@trellis/config';

/**
 * Nest's own start-up lines: one per module and one per route, about a hundred, which pushed the
 * useful lines (where the API listens, `npm start`'s sign-ins) off the screen. They are debug detail.
 */
const START_UP_DETAIL = new Set([
  'InstanceLoader',
  'RoutesResolver',
  'RouterExplorer',
  'NestFactory',
  'NestApplication',
]);

/** The levels to print for LOG_LEVEL: that one and every quieter one (fatal always). */
export function logLevelsUpTo(level: LogLevelName): LogLevel[] {
  return ['fatal', ...LOG_LEVELS.slice(0, LOG_LEVELS.indexOf(level) + 1)];
}

type PinoMethod = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace';

/**
 * Nest's logger (every `new Logger(Context)` in the apps and Nest's own lines) written through the
 * process's pino logger (`createRequestLogger`), so the app's lines and the request lines share one
 * format: with LOG_FORMAT json one pino object a line (`level`, `time`, `pid`, `app`, `context`,
 * `msg`), with pretty the short lines `npm start` shows. Nest's start-up detail goes at debug.
 * The level is pino's (LOG_LEVEL). Messages are the apps' own sentences: they carry ids, never
 * clinical text or link tokens (the request lines' rules, tests/e2e/request-logs.e2e-spec.ts).
 */
export class AppLogger implements LoggerService {
  constructor(private readonly pino: Logger) {}

  log(message: unknown, ...optionalParams: unknown[]): void {
    const context = optionalParams.at(-1);
    const startUpDetail = typeof context === 'string' && START_UP_DETAIL.has(context);
    this.write(startUpDetail ? 'debug' : 'info', message, optionalParams);
  }

  fatal(message: unknown, ...optionalParams: unknown[]): void {
    this.write('fatal', message, optionalParams);
  }

  error(message: unknown, ...optionalParams: unknown[]): void {
    this.write('error', message, optionalParams);
  }

  warn(message: unknown, ...optionalParams: unknown[]): void {
    this.write('warn', message, optionalParams);
  }

  debug(message: unknown, ...optionalParams: unknown[]): void {
    this.write('debug', message, optionalParams);
  }

  verbose(message: unknown, ...optionalParams: unknown[]): void {
    this.write('trace', message, optionalParams);
  }

  /**
   * Nest's calling convention: the last string is the context (a `Logger`'s name); for errors a
   * string before it is the stack.
   */
  private write(level: PinoMethod, message: unknown, optionalParams: unknown[]): void {
    if (!this.pino.isLevelEnabled(level)) return;
    const params = [...optionalParams];
    const fields: Record<string, unknown> = {};
    if (params.length && typeof params.at(-1) === 'string') fields.context = params.pop();
    const stack = params.find((p) => typeof p === 'string');
    if (stack) fields.stack = stack;
    let text: string;
    if (message instanceof Error) {
      text = message.message;
      fields.stack ??= message.stack;
    } else if (typeof message === 'string') text = message;
    else text = JSON.stringify(message);
    this.pino[level](fields, text);
  }
}
