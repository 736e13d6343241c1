import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { QueueName } from '@trellis/jobs';
import { AgreementsProcessor } from './agreements.processor';
import { AgreementsRepository } from './agreements.repository';

/** The worker's half of agreements: planning and sending each partner's weekly review. */
@Module({
  imports: [BullModule.registerQueue({ name: QueueName.Agreements })],
  providers: [AgreementsProcessor, AgreementsRepository],
})
export class AgreementsJobsModule {}
