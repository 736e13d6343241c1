import type { FastifyInstance } from 'fastify';
import helmet, { HelmetOptions } from 'helmet';

/**
 * A strict Content-Security-Policy for both SPAs: scripts only from our origin, nothing framed.
 * Styles allow inline because MUI (emotion) injects <style> tags at run time.
 * HSTS and upgrade-insecure-requests only when served over https: they would break plain-http localhost.
 */
function helmetOptions(https: boolean, inlineScriptHashes: readonly string[]): Readonly<HelmetOptions> {
  return {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", ...inlineScriptHashes.map((hash) => `'sha256-${hash}'`)],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        ...(https ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    hsts: https ? { maxAge: 31536000, includeSubDomains: true } : false,
    crossOriginEmbedderPolicy: false,
    referrerPolicy: { policy: 'same-origin' },
  };
}

/**
 * The security headers every response carries, worked out once by helmet (so its maintained
 * defaults still apply). They are the same for every response — no nonces — and
 * @fastify/helmet rebuilt them per request (parsing the CSP each time): measured, that was a
 * third of a cheap authenticated read's cost. `inlineScriptHashes` (base64 SHA-256) allow exactly
 * those inline scripts: the homework page ships its code inside its HTML.
 */
export function securityHeaders(
  https: boolean,
  inlineScriptHashes: readonly string[] = [],
): Readonly<Record<string, string>> {
  const headers: Record<string, string> = {};
  const collector = {
    setHeader: (name: string, value: string) => {
      headers[name.toLowerCase()] = value;
    },
    removeHeader: () => undefined,
  };
  let failure: unknown;
  helmet(helmetOptions(https, inlineScriptHashes))(
    {} as Parameters<ReturnType<typeof helmet>>[0],
    collector as unknown as Parameters<ReturnType<typeof helmet>>[1],
    (error?: unknown) => {
      failure = error;
    },
  );
  if (failure) throw failure;
  return Object.freeze(headers);
}

/**
 * Sets the security headers on every response. Under `apiPrefix` every answer is clinical or
 * personal (notes, both partners' answers, the audit trail, the signed-in session), so it is also
 * `no-store`: a shared clinic computer's browser must not keep a copy. The front ends' files set
 * their own caching (hashed assets for a year, their HTML revalidated).
 */
export async function registerSecurityHeaders(
  fastify: FastifyInstance,
  https: boolean,
  apiPrefix: string,
): Promise<void> {
  const headers = securityHeaders(https);
  const apiHeaders = Object.freeze({ ...headers, 'cache-control': 'no-store' });
  const api = `/${apiPrefix.replace(/^\/+|\/+$/g, '')}/`;
  fastify.addHook('onRequest', (request, reply, done) => {
    reply.headers(request.url.startsWith(api) ? apiHeaders : headers);
    done();
  });
}
