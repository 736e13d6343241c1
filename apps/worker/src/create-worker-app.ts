import { INestApplicationContext, LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppConfig } from '@trellis/config';
import { AppLogger, createRequestLogger } from '@trellis/features';
import { WorkerModule, WorkerModuleOptions } from './worker.module';

/** The worker: a Nest application context (no HTTP) running the processors and the outbox relay. */
export async function createWorkerApp(
  config: AppConfig,
  options: WorkerModuleOptions = {},
  logLevels?: LogLevel[],
): Promise<INestApplicationContext> {
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config, options), {
    // The same pino lines as the API's (app: worker), JSON or pretty as LOG_FORMAT says.
    logger: logLevels ?? new AppLogger(createRequestLogger(config, 'worker')),
  });
  return app.init();
}
