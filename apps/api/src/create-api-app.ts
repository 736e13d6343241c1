import { Logger, LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { FastifyInstance, LogController } from 'fastify';
import type { Server } from 'node:http';
import { randomUUID } from 'node:crypto';
import { AppConfig } from '@trellis/config';
import { DataSource } from 'typeorm';
import { AppModule } from './app.module';
import {
  AppLogger,
  closeMetricsServer,
  createRequestLogger,
  createValidationPipe,
  ProblemDetailsFilter,
  registerDatabasePoolMetrics,
  registerHttpMetrics,
  registerJsonDepthLimit,
  registerOpenApi,
  registerRequestLogging,
  registerSecurityHeaders,
  registerSessions,
  serveMetrics,
} from '@trellis/features';
import { collectDefaultMetrics, Registry } from 'prom-client';
import { registerStaticSites } from './static/static-sites';

export const API_PREFIX = 'api/v1';

export interface RegisteredRoute {
  method: string;
  url: string;
}

/** The routes each app instance registered (filled during init). */
export const registeredRoutes = new WeakMap<NestFastifyApplication, RegisteredRoute[]>();

/** Builds the whole HTTP app (used by main and by the e2e tests, so both run the same stack). */
export async function createApiApp(
  config: AppConfig,
  logLevels?: LogLevel[],
  // Fastify takes hooks only before it boots: the tests' contract check comes in this way.
  beforeBoot?: (fastify: FastifyInstance) => void,
): Promise<NestFastifyApplication> {
  // One pino logger for the request lines and Nest's own: one format for every line.
  const logger = createRequestLogger(config, 'api');
  const adapter = new FastifyAdapter({
    bodyLimit: config.http.bodyLimitBytes,
    trustProxy: config.http.trustProxy,
    // Fastify's own request lines carry the URL, which can hold an emailed link's token
    // (/h/<token>): off. registerRequestLogging writes one line per request without it.
    loggerInstance: logger,
    logController: new LogController({ disableRequestLogging: true }),
    // Unique across replicas and restarts (Fastify's default counts from req-1 in each process):
    // the id in a log line and in an audit row names one request.
    genReqId: () => randomUUID(),
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), adapter, {
    logger: logLevels ?? new AppLogger(logger),
    bufferLogs: false,
  });
  app.setGlobalPrefix(API_PREFIX);
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ProblemDetailsFilter());
  app.enableShutdownHooks();

  const fastify = app.getHttpAdapter().getInstance();
  // Every route as registered, so the security suite can cover new routes without a list to maintain.
  const routes: RegisteredRoute[] = [];
  fastify.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) routes.push({ method: String(method), url: route.url });
  });
  registeredRoutes.set(app, routes);
  // Metrics first, so the histogram sees every answer, refusals by later hooks included.
  const metrics = config.metrics ? new Registry() : null;
  if (metrics) {
    collectDefaultMetrics({ register: metrics });
    registerHttpMetrics(fastify, metrics);
    registerDatabasePoolMetrics(metrics, app.get(DataSource));
  }
  let metricsServer: Server | undefined;
  fastify.addHook('onClose', () => closeMetricsServer(metricsServer));
  registerRequestLogging(fastify);
  registerJsonDepthLimit(fastify);
  await registerSecurityHeaders(fastify, config.http.https, API_PREFIX);
  await registerSessions(fastify, config, app.get(DataSource));
  await registerStaticSites(fastify, config.staticRoot, config.http.https);
  registerOpenApi(app);
  beforeBoot?.(fastify);

  await app.init();
  await fastify.ready();
  if (metrics && config.metrics) {
    metricsServer = await serveMetrics(metrics, config.metrics).catch(async (error) => {
      await app.close();
      throw error;
    });
  }
  Logger.flush();
  return app;
}
