import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { QueueName } from '@trellis/jobs';
import { DeliverySender } from './delivery-sender.service';
import { EmailDeliveriesRepository } from './email-deliveries.repository';
import { EmailComposer } from './email-composer.service';
import { EmailProcessor } from './email.processor';

/** The worker's half of email: the one path every message takes (ledger row → compose → SMTP). */
@Module({
  imports: [BullModule.registerQueue({ name: QueueName.Email })],
  providers: [EmailComposer, DeliverySender, EmailProcessor, EmailDeliveriesRepository],
  exports: [EmailComposer, DeliverySender],
})
export class EmailJobsModule {}
