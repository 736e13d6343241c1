import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, heartbeatFileForProbe, loadConfig } from './app-config';

const valid = {
  DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/trellis',
  REDIS_URL: 'redis://127.0.0.1:6379',
  SMTP_URL: 'smtp://127.0.0.1:1025',
  SESSION_SECRET: 'x'.repeat(32),
};

function problemsOf(env: NodeJS.ProcessEnv): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('builds typed settings with defaults', () => {
    const config = loadConfig(valid);
    expect(config.http.port).toBe(3000);
    expect(config.http.publicUrl).toBe('http://localhost:3000');
    expect(config.session.idleMinutes).toBe(30);
    expect(config.session.secureCookie).toBe(false);
    expect(config.database.migrateOnStart).toBe(false);
  });

  it('names each missing variable on its own line', () => {
    const problems = problemsOf({});
    expect(problems).toEqual(
      expect.arrayContaining([
        'DATABASE_URL: is required but not set',
        'REDIS_URL: is required but not set',
        'SMTP_URL: is required but not set',
        'SESSION_SECRET: is required but not set',
      ]),
    );
  });

  it('rejects malformed values with the variable name and the reason', () => {
    const problems = problemsOf({ ...valid, DATABASE_URL: 'mysql://db/x', PORT: 'eighty', SESSION_SECRET: 'short' });
    expect(problems.find((p) => p.startsWith('DATABASE_URL:'))).toMatch(/postgres/);
    expect(problems.find((p) => p.startsWith('PORT:'))).toBeDefined();
    expect(problems.find((p) => p.startsWith('SESSION_SECRET:'))).toMatch(/32 characters/);
  });

  it('refuses the published development session secret in production, and only there', () => {
    const devSecret = { ...valid, SESSION_SECRET: 'DEV-ONLY-insecure-session-secret-change-me-0000' };
    expect(problemsOf({ ...devSecret, NODE_ENV: 'production' })).toEqual([
      expect.stringMatching(/^SESSION_SECRET: is a published development value/),
    ]);
    expect(loadConfig({ ...devSecret, NODE_ENV: 'development' }).env).toBe('development');
  });

  it('uses Secure cookies whenever the public address is https', () => {
    expect(loadConfig({ ...valid, PUBLIC_URL: 'https://trellis.example' }).session.secureCookie).toBe(true);
    expect(
      loadConfig({ ...valid, NODE_ENV: 'production', PUBLIC_URL: 'http://localhost:3000' }).session.secureCookie,
    ).toBe(false);
  });
  it('trusts one proxy for TRUST_PROXY=true, a number of hops or listed addresses, never every hop', () => {
    const trust = (value: string) => loadConfig({ ...valid, TRUST_PROXY: value }).http.trustProxy;
    expect(trust('false')).toBe(false);
    expect(trust('true')).toBe(1);
    expect(trust('2')).toBe(2);
    expect(trust('10.0.0.0/8, 192.168.1.10')).toEqual(['10.0.0.0/8', '192.168.1.10']);
    expect(problemsOf({ ...valid, TRUST_PROXY: 'everyone' }).find((p) => p.startsWith('TRUST_PROXY:'))).toMatch(
      /proxy hops/,
    );
  });

  it('gives each worker process its own heartbeat file unless HEARTBEAT_FILE names one, which must be absolute', () => {
    expect(loadConfig(valid).worker.heartbeatFile).toBe(join(tmpdir(), `trellis-worker-${process.pid}.heartbeat`));
    expect(loadConfig({ ...valid, HEARTBEAT_FILE: '/run/trellis/worker.heartbeat' }).worker.heartbeatFile).toBe(
      '/run/trellis/worker.heartbeat',
    );
    expect(problemsOf({ ...valid, HEARTBEAT_FILE: 'worker.heartbeat' })).toEqual([
      expect.stringMatching(/^HEARTBEAT_FILE: must be an absolute path/),
    ]);
  });

  it('tells the probe to name the heartbeat file, since the default belongs to a pid it cannot see', () => {
    expect(heartbeatFileForProbe({ HEARTBEAT_FILE: '/tmp/w.heartbeat' })).toBe('/tmp/w.heartbeat');
    const problems = (env: NodeJS.ProcessEnv) => {
      try {
        heartbeatFileForProbe(env);
      } catch (error) {
        return (error as ConfigError).problems;
      }
      throw new Error('expected a ConfigError');
    };
    expect(problems({})).toEqual([expect.stringMatching(/^HEARTBEAT_FILE: is required by the probe.*<pid>/)]);
    expect(problems({ HEARTBEAT_FILE: 'relative' })).toEqual([
      expect.stringMatching(/^HEARTBEAT_FILE: must be an absolute path/),
    ]);
  });

  it('logs at LOG_LEVEL, by default what processes do (errors only under test)', () => {
    expect(loadConfig(valid).logLevel).toBe('log');
    expect(loadConfig({ ...valid, NODE_ENV: 'test' }).logLevel).toBe('error');
    expect(loadConfig({ ...valid, NODE_ENV: 'test', LOG_LEVEL: 'debug' }).logLevel).toBe('debug');
    expect(problemsOf({ ...valid, LOG_LEVEL: 'chatty' }).find((p) => p.startsWith('LOG_LEVEL:'))).toBeDefined();
  });

  it('serves metrics only when METRICS_PORT is set, on localhost unless METRICS_HOST widens it, never on PORT', () => {
    expect(loadConfig(valid).metrics).toBeNull();
    expect(loadConfig({ ...valid, METRICS_PORT: '9464' }).metrics).toEqual({ port: 9464, host: '127.0.0.1' });
    expect(loadConfig({ ...valid, METRICS_PORT: '9464', METRICS_HOST: '0.0.0.0' }).metrics).toEqual({
      port: 9464,
      host: '0.0.0.0',
    });
    expect(problemsOf({ ...valid, PORT: '8080', METRICS_PORT: '8080' })).toEqual([
      expect.stringMatching(/^METRICS_PORT: must differ from PORT \(8080\)/),
    ]);
    expect(problemsOf({ ...valid, METRICS_PORT: 'ninety' }).find((p) => p.startsWith('METRICS_PORT:'))).toBeDefined();
  });

  it('logs JSON lines in production and readable lines elsewhere, unless LOG_FORMAT says', () => {
    expect(loadConfig({ ...valid, NODE_ENV: 'production' }).logFormat).toBe('json');
    expect(loadConfig(valid).logFormat).toBe('pretty');
    expect(loadConfig({ ...valid, LOG_FORMAT: 'json' }).logFormat).toBe('json');
    expect(problemsOf({ ...valid, LOG_FORMAT: 'xml' }).find((p) => p.startsWith('LOG_FORMAT:'))).toBeDefined();
  });
});
