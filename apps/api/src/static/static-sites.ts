import fastifyStatic from '@fastify/static';
import { Logger } from '@nestjs/common';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { securityHeaders } from '@trellis/features';

// The homework page is opened from an emailed link that carries a token in its path: never let
// the address leak through a Referer header or sit in a shared cache. Its code is inline, allowed
// by the page's own CSP (homeworkPageCsp).
function homeworkPageHeaders(reply: FastifyReply, csp: string): void {
  reply
    .header('referrer-policy', 'no-referrer')
    .header('cache-control', 'no-store')
    .header('content-security-policy', csp);
}

/**
 * Files under assets/ are named by their content's hash: a returning partner or clinician loads
 * them from cache, and a new build changes their names. Everything else is revalidated each time.
 */
function cacheHashedAssets(reply: FastifyReply, path: string): void {
  if (/[\\/]assets[\\/]/.test(path)) reply.header('cache-control', 'public, max-age=31536000, immutable');
  // The homework page is sent through this plugin's sendFile too, already marked no-store: keep that.
  else if (reply.getHeader('cache-control') !== 'no-store') reply.header('cache-control', 'no-cache');
}

/**
 * The homework page carries its own code inline (apps/homework/build/inline-entry.ts): its
 * Content-Security-Policy allows exactly those scripts, by hash, and no other inline script.
 * Worked out when the API starts: a new build of the page takes effect with the restart that
 * deploys it. Hashed as the browser does, after line endings become LF.
 */
export function homeworkPageCsp(html: string, https: boolean): string {
  const hashes = [...html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/gi)]
    .filter((match) => match[1].length > 0)
    .map((match) => createHash('sha256').update(match[1].replace(/\r\n?/g, '\n'), 'utf8').digest('base64'));
  return securityHeaders(https, hashes)['content-security-policy'];
}

/**
 * Serves the built dashboard at `/` and the homework page at `/h/` from the API's own port, so a
 * user opens one URL. `/api/*` is left to Nest (and its JSON 404s). Assets go out gzip- or
 * brotli-compressed when the browser accepts it (compressed at build time, see
 * scripts/build/precompress.mjs).
 */
export async function registerStaticSites(
  fastify: FastifyInstance,
  staticRoot: string | null,
  https: boolean,
): Promise<void> {
  const logger = new Logger('StaticSites');
  const root = resolve(staticRoot ?? join(process.cwd(), 'dist', 'apps'));
  const dashboard = join(root, 'dashboard');
  const homework = join(root, 'homework');

  if (existsSync(join(dashboard, 'index.html'))) {
    await fastify.register(fastifyStatic, {
      root: dashboard,
      prefix: '/',
      wildcard: false,
      index: ['index.html'],
      preCompressed: true,
      setHeaders: cacheHashedAssets,
    });
  } else {
    logger.warn(`No dashboard build at ${dashboard}: run \`npm run build\` to serve it.`);
  }

  if (existsSync(join(homework, 'index.html'))) {
    const pageCsp = homeworkPageCsp(readFileSync(join(homework, 'index.html'), 'utf8'), https);
    await fastify.register(fastifyStatic, {
      root: homework,
      prefix: '/h/',
      wildcard: false,
      decorateReply: false,
      index: false,
      preCompressed: true,
      // Hashed assets hold no token and may be cached; only the page itself is no-store. The page
      // is also reachable here as /h/index.html: it needs its own CSP there too, or its script is blocked.
      setHeaders: (reply, path) => {
        if (/index\.html(\.(br|gz))?$/.test(path)) return homeworkPageHeaders(reply, pageCsp);
        reply.header('referrer-policy', 'no-referrer');
        cacheHashedAssets(reply, path);
      },
    });
    // Every /h/<token> address is the same single page; the token is read by the page itself.
    fastify.get('/h/*', (_request, reply) => {
      homeworkPageHeaders(reply, pageCsp);
      return reply.type('text/html').sendFile('index.html', homework, { cacheControl: false });
    });
    fastify.get('/h', (_request, reply) => reply.redirect('/h/'));
  } else {
    logger.warn(`No homework page build at ${homework}: run \`npm run build\` to serve it.`);
  }
}
