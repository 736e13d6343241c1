import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '@trellis/config';
import { buildDataSourceOptions } from '@trellis/data';
import { APP_CONFIG, MAIL_SENDER, WORKER_FEATURE_MODULES } from '@trellis/features';
import { bullConnectionOptions, QueueName } from '@trellis/jobs';
import { createMailSender, MailSender } from '@trellis/mail';
import { HeartbeatService } from './health/heartbeat.service';
import { WorkerMetrics } from './metrics/worker-metrics.service';
import { OutboxRelayService } from './outbox/outbox-relay.service';

export interface WorkerModuleOptions {
  /** Tests pass a sender that records messages or fails on purpose. */
  mailSender?: MailSender;
}

/**
 * The worker's composition root: connections, config and the SMTP sender for every feature's jobs
 * module (global, so each feature declares only its own queue and processors), plus the outbox
 * relay and the heartbeat, which belong to the process rather than to a feature.
 */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig, options: WorkerModuleOptions = {}): DynamicModule {
    return {
      module: WorkerModule,
      global: true,
      imports: [
        TypeOrmModule.forRoot({
          ...buildDataSourceOptions({
            url: config.database.url,
            poolSize: config.database.poolSize,
            applicationName: 'trellis-worker',
          }),
          retryAttempts: 2,
          retryDelay: 1000,
        }),
        BullModule.forRoot({
          connection: bullConnectionOptions(config.redis.url),
          prefix: config.redis.queuePrefix,
        }),
        // The relay hands outbox rows to every queue, and the heartbeat checks them all.
        BullModule.registerQueue(...Object.values(QueueName).map((name) => ({ name }))),
        ...WORKER_FEATURE_MODULES,
        DiscoveryModule,
      ],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        WorkerMetrics,
        {
          provide: MAIL_SENDER,
          inject: [WorkerMetrics],
          useFactory: (metrics: WorkerMetrics) =>
            metrics.countSends(
              options.mailSender ?? createMailSender(config.mail.smtpUrl, config.mail.from, config.worker.concurrency),
            ),
        },
        OutboxRelayService,
        HeartbeatService,
      ],
      exports: [APP_CONFIG, MAIL_SENDER],
    };
  }
}
