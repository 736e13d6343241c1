import { DynamicModule, Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type Redis from 'ioredis';
import { AppConfig } from '@trellis/config';
import { buildDataSourceOptions } from '@trellis/data';
import { createFailFastRedis } from '@trellis/jobs';
import { APP_CONFIG, REDIS } from '@trellis/features';

/** Config, PostgreSQL and Redis for every feature module; built from the one AppConfig. */
@Global()
@Module({})
export class InfrastructureModule implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: InfrastructureModule,
      imports: [
        TypeOrmModule.forRoot({
          ...buildDataSourceOptions({
            url: config.database.url,
            poolSize: config.database.poolSize,
            applicationName: 'trellis-api',
          }),
          // Start-up already proved the database answers; don't spin for half a minute on a blip.
          retryAttempts: 2,
          retryDelay: 1000,
        }),
      ],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        {
          provide: REDIS,
          useFactory: async () => {
            const redis = createFailFastRedis(config.redis.url, { lazyConnect: true });
            // Errors surface through health checks and the requests that need Redis; an unhandled
            // 'error' event would otherwise crash the process while Redis restarts.
            redis.on('error', () => undefined);
            // Connected before the API serves: without an offline queue, a command sent while the
            // connection was still opening failed, and the rate limits (which fail open when Redis
            // is down) let the first requests after a start through uncounted. Start-up has
            // already checked that Redis answers; if it went away since, serve and reconnect.
            await redis.connect().catch(() => undefined);
            return redis;
          },
        },
      ],
      exports: [APP_CONFIG, REDIS, TypeOrmModule],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    this.redis.disconnect();
  }
}
