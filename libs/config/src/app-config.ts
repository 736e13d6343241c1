import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bool, cleanEnv, port, str } from 'envalid';
import {
  absolutePath,
  checkAbsolutePath,
  hourList,
  httpUrl,
  positiveInt,
  postgresUrl,
  redisUrl,
  secret,
  smtpUrl,
  TrustProxy,
  trustProxy,
} from './validators';

/** From the quietest: `log` adds what a process did, `debug` Nest's start-up detail (modules, routes). */
export const LOG_LEVELS = ['error', 'warn', 'log', 'debug', 'verbose'] as const;
export type LogLevelName = (typeof LOG_LEVELS)[number];
/** json: one JSON object a line, for log collectors; pretty: one short readable line, for people. */
export const LOG_FORMATS = ['json', 'pretty'] as const;
export type LogFormat = (typeof LOG_FORMATS)[number];

/** Settings grouped by concern; built once at boot, the only reader of process.env. */
export interface AppConfig {
  env: 'development' | 'test' | 'production';
  /** The most detailed level logged; the levels above it are logged too. */
  logLevel: LogLevelName;
  logFormat: LogFormat;
  http: {
    port: number;
    host: string;
    publicUrl: string;
    https: boolean;
    trustProxy: TrustProxy;
    bodyLimitBytes: number;
  };
  database: { url: string; poolSize: number; migrateOnStart: boolean };
  redis: { url: string; queuePrefix: string };
  session: { secret: string; idleMinutes: number; absoluteHours: number; secureCookie: boolean };
  auth: {
    invitationTtlHours: number;
    passwordResetTtlMinutes: number;
    /** Failed sign-ins one account may take in an hour, from all addresses together (see login-rate-limiter.ts). */
    loginFailuresPerAccountPerHour: number;
    /** Requests one API token may make per minute (shared by every replica through Redis). */
    apiTokenRequestsPerMinute: number;
  };
  /** Key for secrets stored encrypted (TOTP); null: derived from SESSION_SECRET. */
  dataEncryptionKey: string | null;
  mail: { smtpUrl: string; from: string };
  worker: {
    concurrency: number;
    relayIntervalMs: number;
    /** Where this worker proves it is alive (heartbeat.service.ts); its probe reads the same file. */
    heartbeatFile: string;
  };
  reminders: { offsetsHours: number[]; overdueNudgeHours: number };
  staticRoot: string | null;
  /**
   * Prometheus metrics on a listener of their own (never the public one): null when METRICS_PORT
   * is unset. Bound to 127.0.0.1 unless METRICS_HOST says otherwise (a pod sets 0.0.0.0 so the
   * scraper can reach it; the Service and Ingress still expose only the public port).
   */
  metrics: { port: number; host: string } | null;
}

/** A configuration problem: one line per bad variable, each naming it. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Without HEARTBEAT_FILE each worker process beats in its own file (the pid is in the name), so two
 * workers on one host never pass each other's probe. Only a probe told the same file can find it:
 * the image, compose and the k8s manifests set HEARTBEAT_FILE.
 */
export function defaultHeartbeatFile(pid: number | '<pid>' = process.pid): string {
  return join(tmpdir(), `trellis-worker-${pid}.heartbeat`);
}

/**
 * The probe's half of HEARTBEAT_FILE (it loads no other setting): the file named, or a problem
 * saying how to name it, since the default belongs to a worker process the probe cannot see.
 */
export function heartbeatFileForProbe(environment: NodeJS.ProcessEnv = process.env): string {
  const file = environment.HEARTBEAT_FILE;
  if (!file) {
    throw new ConfigError([
      `HEARTBEAT_FILE: is required by the probe; set it for the worker and its probe alike (without it each worker beats in ${defaultHeartbeatFile('<pid>')})`,
    ]);
  }
  try {
    return checkAbsolutePath(file);
  } catch (error) {
    throw new ConfigError([`HEARTBEAT_FILE: ${(error as Error).message}`]);
  }
}

export function loadConfig(environment: NodeJS.ProcessEnv = process.env): AppConfig {
  const e = cleanEnv(
    environment,
    {
      NODE_ENV: str({ choices: ['development', 'test', 'production'], default: 'development' }),
      PORT: port({ default: 3000 }),
      HOST: str({ default: '0.0.0.0' }),
      PUBLIC_URL: httpUrl({ default: undefined }),
      TRUST_PROXY: trustProxy({ default: false }),
      BODY_LIMIT_BYTES: positiveInt({ default: 256 * 1024 }),
      DATABASE_URL: postgresUrl(),
      DATABASE_POOL_SIZE: positiveInt({ default: 10 }),
      MIGRATE_ON_START: bool({ default: false }),
      REDIS_URL: redisUrl(),
      QUEUE_PREFIX: str({ default: 'trellis' }),
      SESSION_SECRET: secret(),
      DATA_ENCRYPTION_KEY: secret({ default: undefined }),
      SESSION_IDLE_MINUTES: positiveInt({ default: 30 }),
      SESSION_ABSOLUTE_HOURS: positiveInt({ default: 12 }),
      INVITATION_TTL_HOURS: positiveInt({ default: 72 }),
      PASSWORD_RESET_TTL_MINUTES: positiveInt({ default: 60 }),
      LOGIN_FAILURES_PER_ACCOUNT_PER_HOUR: positiveInt({ default: 100 }),
      API_TOKEN_REQUESTS_PER_MINUTE: positiveInt({ default: 300 }),
      SMTP_URL: smtpUrl(),
      MAIL_FROM: str({ default: 'Trellis <no-reply@trellis.local>' }),
      WORKER_CONCURRENCY: positiveInt({ default: 5 }),
      REMINDER_OFFSETS_HOURS: hourList({ default: '48,2' }),
      OVERDUE_NUDGE_HOURS: positiveInt({ default: 24 }),
      OUTBOX_RELAY_INTERVAL_MS: positiveInt({ default: 1000 }),
      HEARTBEAT_FILE: absolutePath({ default: undefined }),
      STATIC_ROOT: str({ default: '' }),
      LOG_LEVEL: str({ choices: [...LOG_LEVELS], default: undefined }),
      LOG_FORMAT: str({ choices: [...LOG_FORMATS], default: undefined }),
      METRICS_PORT: port({ default: undefined }),
      METRICS_HOST: str({ default: '127.0.0.1' }),
    },
    {
      reporter: ({ errors }) => {
        const entries = Object.entries(errors) as [string, Error][];
        if (entries.length === 0) return;
        throw new ConfigError(
          entries.map(([name, error]) => {
            const missing = error.name === 'EnvMissingError' || /undefined/i.test(error.message);
            return `${name}: ${missing ? 'is required but not set' : error.message}`;
          }),
        );
      },
    },
  );
  const env = e.NODE_ENV as AppConfig['env'];
  // docker-compose.yml once shipped a publicly known development secret: anyone who knows it can
  // forge session cookies, so production refuses it (and anything marked the same way).
  if (env === 'production' && /^DEV-ONLY/i.test(e.SESSION_SECRET)) {
    throw new ConfigError([
      'SESSION_SECRET: is a published development value; set your own (>= 32 random characters, e.g. openssl rand -base64 48)',
    ]);
  }
  const listenPort = e.PORT;
  // The public listener must never answer /metrics: one port for both would publish them.
  if (e.METRICS_PORT !== undefined && e.METRICS_PORT === listenPort) {
    throw new ConfigError([
      `METRICS_PORT: must differ from PORT (${listenPort}): metrics are served on a listener of their own, never the public one`,
    ]);
  }
  const publicUrl = (e.PUBLIC_URL ?? `http://localhost:${listenPort}`).replace(/\/$/, '');
  return {
    env,
    // Tests keep only errors, as before: their output is the failures.
    logLevel: (e.LOG_LEVEL as LogLevelName | undefined) ?? (env === 'test' ? 'error' : 'log'),
    // Production logs go to a collector; `npm start` (development) shows them to a person.
    logFormat: (e.LOG_FORMAT as LogFormat | undefined) ?? (env === 'production' ? 'json' : 'pretty'),
    http: {
      port: listenPort,
      host: e.HOST,
      publicUrl,
      https: publicUrl.startsWith('https:'),
      trustProxy: e.TRUST_PROXY,
      bodyLimitBytes: e.BODY_LIMIT_BYTES,
    },
    database: { url: e.DATABASE_URL, poolSize: e.DATABASE_POOL_SIZE, migrateOnStart: e.MIGRATE_ON_START },
    redis: { url: e.REDIS_URL, queuePrefix: e.QUEUE_PREFIX },
    session: {
      secret: e.SESSION_SECRET,
      idleMinutes: e.SESSION_IDLE_MINUTES,
      absoluteHours: e.SESSION_ABSOLUTE_HOURS,
      // Follows the public address, not NODE_ENV: browsers drop Secure cookies on plain http, and
      // a production build run on http://localhost (docker compose) must still let people sign in.
      secureCookie: publicUrl.startsWith('https:'),
    },
    auth: {
      invitationTtlHours: e.INVITATION_TTL_HOURS,
      passwordResetTtlMinutes: e.PASSWORD_RESET_TTL_MINUTES,
      loginFailuresPerAccountPerHour: e.LOGIN_FAILURES_PER_ACCOUNT_PER_HOUR,
      apiTokenRequestsPerMinute: e.API_TOKEN_REQUESTS_PER_MINUTE,
    },
    dataEncryptionKey: e.DATA_ENCRYPTION_KEY ?? null,
    mail: { smtpUrl: e.SMTP_URL, from: e.MAIL_FROM },
    worker: {
      concurrency: e.WORKER_CONCURRENCY,
      relayIntervalMs: e.OUTBOX_RELAY_INTERVAL_MS,
      heartbeatFile: e.HEARTBEAT_FILE ?? defaultHeartbeatFile(),
    },
    reminders: {
      offsetsHours: e.REMINDER_OFFSETS_HOURS.split(',').map(Number),
      overdueNudgeHours: e.OVERDUE_NUDGE_HOURS,
    },
    staticRoot: e.STATIC_ROOT || null,
    metrics: e.METRICS_PORT === undefined ? null : { port: e.METRICS_PORT, host: e.METRICS_HOST },
  };
}
