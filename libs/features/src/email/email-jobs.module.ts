import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { QueueName } from '@trellis/jobs';
import { DeliverySender } from './delivery-sender.service';
import { EmailDeliveriesRepository } from './email-deliveries.repository';
import { EmailComposer } from './email-composer.service';
import { EmailProcessor } from './email.processor';
import { HomeworkEmailRepository } from '../homework/homework-email.repository';
import { DigestsRepository } from '../digests/digests.repository';
import { AccountLinksRepository } from '../auth/account-links.repository';
import { CheckInsRepository } from '../check-ins/check-ins.repository';
import { SafetyRepository } from '../safety/safety.repository';
import { SessionNoticesRepository } from '../sessions/session-notices.repository';
import { AgreementsRepository } from '../agreements/agreements.repository';

/** The worker's half of email: the one path every message takes (ledger row → compose → SMTP). */
@Module({
  imports: [BullModule.registerQueue({ name: QueueName.Email })],
  // The repositories the composers read through at send time, from the features that own them.
  providers: [
    EmailComposer,
    DeliverySender,
    EmailProcessor,
    EmailDeliveriesRepository,
    HomeworkEmailRepository,
    DigestsRepository,
    AccountLinksRepository,
    CheckInsRepository,
    SafetyRepository,
    SessionNoticesRepository,
    AgreementsRepository,
  ],
  exports: [EmailComposer, DeliverySender],
})
export class EmailJobsModule {}
