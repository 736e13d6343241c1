import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '@trellis/config';
import { buildDataSourceOptions } from '@trellis/data';
import { bullConnectionOptions, QueueName } from '@trellis/jobs';
import { createMailSender, MailSender } from '@trellis/mail';
import { DeliverySender } from './email/delivery-sender.service';
import { EmailComposer } from './email/email-composer.service';
import { EmailProcessor } from './email/email.processor';
import { HeartbeatService } from './health/heartbeat.service';
import { OutboxRelayService } from './outbox/outbox-relay.service';
import { ReminderSender } from './reminders/reminder-sender.service';
import { RemindersProcessor } from './reminders/reminders.processor';
import { SummariesProcessor } from './summaries/summaries.processor';
import { APP_CONFIG, MAIL_SENDER } from './worker.tokens';

export interface WorkerModuleOptions {
  /** Tests pass a sender that records messages or fails on purpose. */
  mailSender?: MailSender;
}

@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig, options: WorkerModuleOptions = {}): DynamicModule {
    return {
      module: WorkerModule,
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
        BullModule.registerQueue(
          { name: QueueName.Email },
          { name: QueueName.Reminders },
          { name: QueueName.Summaries },
        ),
      ],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        {
          provide: MAIL_SENDER,
          useFactory: () =>
            options.mailSender ?? createMailSender(config.mail.smtpUrl, config.mail.from, config.worker.concurrency),
        },
        EmailComposer,
        DeliverySender,
        EmailProcessor,
        ReminderSender,
        RemindersProcessor,
        SummariesProcessor,
        OutboxRelayService,
        HeartbeatService,
      ],
    };
  }
}
