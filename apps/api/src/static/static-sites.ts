import fastifyStatic from '@fastify/static';
import { Logger } from '@nestjs/common';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

// The homework page is opened from an emailed link that carries a token in its path: never let
// the address leak through a Referer header or sit in a shared cache.
function privatePageHeaders(reply: FastifyReply): void {
  reply.header('referrer-policy', 'no-referrer').header('cache-control', 'no-store');
}

/**
 * Serves the built dashboard at `/` and the homework page at `/h/` from the API's own port, so a
 * user opens one URL. `/api/*` is left to Nest (and its JSON 404s).
 */
export async function registerStaticSites(fastify: FastifyInstance, staticRoot: string | null): Promise<void> {
  const logger = new Logger('StaticSites');
  const root = resolve(staticRoot ?? join(process.cwd(), 'dist', 'apps'));
  const dashboard = join(root, 'dashboard');
  const homework = join(root, 'homework');

  if (existsSync(join(dashboard, 'index.html'))) {
    await fastify.register(fastifyStatic, { root: dashboard, prefix: '/', wildcard: false, index: 'index.html' });
  } else {
    logger.warn(`No dashboard build at ${dashboard}: run \`npm run build\` to serve it.`);
  }

  if (existsSync(join(homework, 'index.html'))) {
    await fastify.register(fastifyStatic, {
      root: homework,
      prefix: '/h/',
      wildcard: false,
      decorateReply: false,
      index: false,
      // Hashed assets hold no token and may be cached; only the page itself is no-store.
      setHeaders: (reply) => reply.header('referrer-policy', 'no-referrer'),
    });
    // Every /h/<token> address is the same single page; the token is read by the page itself.
    fastify.get('/h/*', (_request, reply) => {
      privatePageHeaders(reply);
      return reply.type('text/html').sendFile('index.html', homework);
    });
    fastify.get('/h', (_request, reply) => reply.redirect('/h/'));
  } else {
    logger.warn(`No homework page build at ${homework}: run \`npm run build\` to serve it.`);
  }
}
