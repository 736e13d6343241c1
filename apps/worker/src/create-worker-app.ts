import { INestApplicationContext, LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppConfig } from '@trellis/config';
import { AppLogger } from '@trellis/features';
import { WorkerModule, WorkerModuleOptions } from './worker.module';

/** The worker: a Nest application context (no HTTP) running the processors and the outbox relay. */
export async function createWorkerApp(
  config: AppConfig,
  options: WorkerModuleOptions = {},
  logLevels?: LogLevel[],
): Promise<INestApplicationContext> {
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config, options), {
    logger: logLevels ?? new AppLogger(config.logLevel, config.logFormat),
  });
  return app.init();
}
