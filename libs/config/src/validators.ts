import { makeValidator } from 'envalid';
import { isAbsolute } from 'node:path';

function urlWithProtocols(protocols: string[], what: string) {
  return makeValidator<string>((input) => {
    let parsed: URL;
    try {
      parsed = new URL(input);
    } catch {
      throw new Error(`must be ${what} URL like ${protocols[0]}//host:port…`);
    }
    if (!protocols.includes(parsed.protocol)) {
      throw new Error(`must start with ${protocols.join(' or ')} (got "${parsed.protocol}")`);
    }
    if (!parsed.hostname) throw new Error('must name a host');
    return input;
  });
}

export const postgresUrl = urlWithProtocols(['postgres:', 'postgresql:'], 'a PostgreSQL');
export const redisUrl = urlWithProtocols(['redis:', 'rediss:'], 'a Redis');
export const smtpUrl = urlWithProtocols(['smtp:', 'smtps:'], 'an SMTP');
export const httpUrl = urlWithProtocols(['http:', 'https:'], 'an http(s)');

export const secret = makeValidator<string>((input) => {
  if (input.length < 32) throw new Error('must be at least 32 characters (try: openssl rand -hex 32)');
  return input;
});

export const positiveInt = makeValidator<number>((input) => {
  const value = Number(input);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`must be a positive whole number (got "${input}")`);
  return value;
});

export const timeZone = makeValidator<string>((input) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: input });
  } catch {
    throw new Error(`must be an IANA time zone like Europe/London (got "${input}")`);
  }
  return input;
});

/** "48,2": hours before a due date, each a whole number from 1 to 720. */
export const hourList = makeValidator<string>((input) => {
  const parts = input.split(',').map((p) => p.trim());
  if (parts.length === 0 || parts.some((p) => !/^\d+$/.test(p) || Number(p) < 1 || Number(p) > 720)) {
    throw new Error(`must be comma-separated whole hours from 1 to 720, like 48,2 (got "${input}")`);
  }
  return parts.join(',');
});

/** Which proxies' X-Forwarded-* headers to believe: false, a number of hops, or addresses/CIDRs. */
export type TrustProxy = false | number | string[];

/**
 * TRUST_PROXY: "false"; "true" (the one load balancer in front: 1 hop); a number of proxy hops; or
 * comma-separated proxy addresses or CIDRs. Never "trust every hop": a client can put anything at
 * the left of X-Forwarded-For, and that address would reach the audit trail and the rate limits.
 */
export const trustProxy = makeValidator<TrustProxy>((input) => {
  const value = input.trim().toLowerCase();
  if (value === '' || value === 'false' || value === '0') return false;
  if (value === 'true') return 1;
  if (/^\d+$/.test(value)) return Number(value);
  const entries = value.split(',').map((p) => p.trim());
  const address = /^[0-9a-f.:]+(\/\d{1,3})?$/;
  if (entries.length === 0 || entries.some((p) => !address.test(p))) {
    throw new Error(
      `must be false, true (one proxy), a number of proxy hops, or proxy addresses/CIDRs like 10.0.0.0/8 (got "${input}")`,
    );
  }
  return entries;
});

/** A file path that means the same thing whatever the working directory of the process reading it. */
export function checkAbsolutePath(input: string): string {
  if (!isAbsolute(input))
    throw new Error(`must be an absolute path like /tmp/trellis-worker.heartbeat (got "${input}")`);
  return input;
}
export const absolutePath = makeValidator<string>(checkAbsolutePath);
