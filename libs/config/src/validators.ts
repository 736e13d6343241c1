import { makeValidator } from 'envalid';

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
