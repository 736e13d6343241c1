import { AppLogger, logLevelsUpTo } from './app-logger';
import { createRequestLogger } from './request-log';

describe('AppLogger', () => {
  let printed: string[];

  beforeEach(() => {
    printed = [];
    const capture = (chunk: unknown) => {
      printed.push(String(chunk));
      return true;
    };
    jest.spyOn(process.stdout, 'write').mockImplementation(capture);
    jest.spyOn(process.stderr, 'write').mockImplementation(capture);
  });
  afterEach(() => jest.restoreAllMocks());

  it("keeps Nest's module and route lines for debug, and everything else as it was", () => {
    const logger = new AppLogger(createRequestLogger({ logLevel: 'log', logFormat: 'pretty' }, 'api'));
    logger.log('Mapped {/api/v1/couples, GET} route', 'RouterExplorer');
    logger.log('CouplesController {/api/v1/couples}:', 'RoutesResolver');
    logger.log('CouplesModule dependencies initialized', 'InstanceLoader');
    logger.log('Trellis worker: relay started', 'OutboxRelayService');
    logger.warn('Redis unavailable', 'RateLimits');
    expect(printed.join('')).not.toMatch(/Mapped|CouplesController|dependencies initialized/);
    expect(printed.join('')).toMatch(/\[OutboxRelayService\] Trellis worker: relay started/);
    expect(printed.join('')).toMatch(/WARN \[RateLimits\] Redis unavailable/);

    printed.length = 0;
    new AppLogger(createRequestLogger({ logLevel: 'debug', logFormat: 'pretty' }, 'api')).log(
      'Mapped {/api/v1/couples, GET} route',
      'RouterExplorer',
    );
    expect(printed.join('')).toMatch(/DEBUG.*Mapped \{\/api\/v1\/couples, GET\} route/);
  });

  it('writes the same pino JSON lines as the request log, with the context and an error stack', () => {
    const logger = new AppLogger(createRequestLogger({ logLevel: 'log', logFormat: 'json' }, 'worker'));
    logger.log('relay started', 'OutboxRelayService');
    logger.error('email abc failed', 'Error: boom\n    at send', 'DeliverySender');
    logger.debug('not at log level', 'DeliverySender');
    const lines = printed
      .join('')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line));
    expect(lines).toEqual([
      expect.objectContaining({
        level: 30,
        app: 'worker',
        pid: process.pid,
        context: 'OutboxRelayService',
        msg: 'relay started',
      }),
      expect.objectContaining({
        level: 50,
        context: 'DeliverySender',
        msg: 'email abc failed',
        stack: 'Error: boom\n    at send',
      }),
    ]);
    expect(lines[0].time).toEqual(expect.any(Number));
  });

  it('prints the level asked for and every quieter one', () => {
    expect(logLevelsUpTo('error')).toEqual(['fatal', 'error']);
    expect(logLevelsUpTo('log')).toEqual(['fatal', 'error', 'warn', 'log']);
    expect(logLevelsUpTo('verbose')).toEqual(['fatal', 'error', 'warn', 'log', 'debug', 'verbose']);
  });
});
