/** A start-up failure with a message meant for the operator: printed alone, without a stack trace. */
export class StartupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StartupError';
  }
}

const REASONS: Record<string, string> = {
  ECONNREFUSED: 'connection refused (is it running?)',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'host name could not be resolved',
  ETIMEDOUT: 'timed out',
  ECONNRESET: 'connection reset',
  EHOSTUNREACH: 'host unreachable',
  '28P01': 'password authentication failed',
  '28000': 'authentication rejected',
  '3D000': 'database does not exist',
};

function describeTarget(url: string): string {
  try {
    const parsed = new URL(url);
    const db = parsed.pathname.length > 1 ? parsed.pathname : '';
    return `${parsed.hostname}:${parsed.port || '(default port)'}${db}`;
  } catch {
    return '(unparseable URL)';
  }
}

/** "Cannot reach PostgreSQL at 127.0.0.1:5432/trellis (DATABASE_URL): connection refused" — never the password. */
export function connectionFailure(service: string, variable: string, url: string, error: unknown): StartupError {
  const err = error as { code?: string; message?: string; errors?: { code?: string }[] };
  const code = err.code ?? err.errors?.[0]?.code;
  const reason = (code && REASONS[code]) ?? err.message ?? String(error);
  return new StartupError(`Cannot reach ${service} at ${describeTarget(url)} (${variable}): ${reason}`);
}
