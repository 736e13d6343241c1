import { ConsoleLogger, LogLevel } from '@nestjs/common';
import { LOG_LEVELS, LogFormat, LogLevelName } from '@trellis/config';

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

/**
 * Nest's console logger, with its start-up detail logged at debug instead of log; with LOG_FORMAT
 * json, one JSON object a line (level, pid, timestamp, message, context), like the request lines.
 */
export class AppLogger extends ConsoleLogger {
  constructor(level: LogLevelName, format: LogFormat = 'pretty') {
    super({ logLevels: logLevelsUpTo(level), json: format === 'json' });
  }

  override log(message: unknown, ...optionalParams: unknown[]): void {
    const context = optionalParams.at(-1);
    if (typeof context === 'string' && START_UP_DETAIL.has(context)) {
      super.debug(message, ...optionalParams);
      return;
    }
    super.log(message, ...optionalParams);
  }
}
