import { AppLogger, logLevelsUpTo } from './app-logger';

describe('AppLogger', () => {
  let printed: string[];
  let write: jest.SpyInstance;

  beforeEach(() => {
    printed = [];
    const capture = (chunk: unknown) => {
      printed.push(String(chunk));
      return true;
    };
    write = jest.spyOn(process.stdout, 'write').mockImplementation(capture);
    jest.spyOn(process.stderr, 'write').mockImplementation(capture);
  });
  afterEach(() => jest.restoreAllMocks());

  it("keeps Nest's module and route lines for debug, and everything else as it was", () => {
    const logger = new AppLogger('log');
    logger.log('Mapped {/api/v1/couples, GET} route', 'RouterExplorer');
    logger.log('CouplesController {/api/v1/couples}:', 'RoutesResolver');
    logger.log('CouplesModule dependencies initialized', 'InstanceLoader');
    logger.log('Trellis worker: relay started', 'OutboxRelayService');
    logger.warn('Redis unavailable', 'RateLimits');
    expect(printed.join('')).not.toMatch(/Mapped|CouplesController|dependencies initialized/);
    expect(printed.join('')).toMatch(/relay started/);
    expect(printed.join('')).toMatch(/Redis unavailable/);
    expect(write).toHaveBeenCalled();

    printed.length = 0;
    new AppLogger('debug').log('Mapped {/api/v1/couples, GET} route', 'RouterExplorer');
    expect(printed.join('')).toMatch(/DEBUG.*Mapped \{\/api\/v1\/couples, GET\} route/);
  });

  it('prints the level asked for and every quieter one', () => {
    expect(logLevelsUpTo('error')).toEqual(['fatal', 'error']);
    expect(logLevelsUpTo('log')).toEqual(['fatal', 'error', 'warn', 'log']);
    expect(logLevelsUpTo('verbose')).toEqual(['fatal', 'error', 'warn', 'log', 'debug', 'verbose']);
  });
});
