import { createServer, Server } from 'node:http';
import type { Registry } from 'prom-client';
import { StartupError } from '@trellis/config';

export interface MetricsListener {
  port: number;
  host: string;
}

/**
 * Serves one registry at GET /metrics on a listener of its own. It is never the public listener:
 * the API's routes, sessions and rate limits know nothing of it, and the public Service and
 * Ingress do not route to its port (infra/k8s), so only the scraper reaches it.
 */
export async function serveMetrics(registry: Registry, listener: MetricsListener): Promise<Server> {
  const server = createServer((request, response) => {
    if (request.method !== 'GET' || (request.url ?? '').split('?')[0] !== '/metrics') {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
      return;
    }
    registry.metrics().then(
      (text) => response.writeHead(200, { 'content-type': registry.contentType }).end(text),
      (error: Error) => response.writeHead(500, { 'content-type': 'text/plain' }).end(`${error.message}\n`),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE'
          ? new StartupError(
              `Port ${listener.port} is already in use (METRICS_PORT): stop the other process or set METRICS_PORT.`,
            )
          : error,
      ),
    );
    server.listen(listener.port, listener.host, () => resolve());
  });
  // A scraper's keep-alive connection must not hold the process open at shutdown.
  server.unref();
  return server;
}

export function closeMetricsServer(server: Server | undefined): Promise<void> {
  if (!server) return Promise.resolve();
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

/**
 * A value gathered on scrape, shared for `ms` by every gauge that reads it: one Redis or SQL round
 * trip per scrape window whatever the number of series or scrapers, never one per request.
 */
export function cachedFor<T>(ms: number, load: () => Promise<T>): () => Promise<T> {
  let at = 0;
  let pending: Promise<T> | undefined;
  return () => {
    if (!pending || Date.now() - at > ms) {
      at = Date.now();
      pending = load().catch((error) => {
        // A failed load is not cached: the next scrape tries again.
        at = 0;
        throw error;
      });
    }
    return pending;
  };
}
