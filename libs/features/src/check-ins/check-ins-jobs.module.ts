import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { QueueName } from '@trellis/jobs';
import { CheckInSchedulesRepository } from './check-in-schedules.repository';
import { CheckInsProcessor } from './check-ins.processor';
import { CheckInsRepository } from './check-ins.repository';

/** The worker's half of check-ins: planning each partner's next one and sending it when due. */
@Module({
  imports: [BullModule.registerQueue({ name: QueueName.CheckIns })],
  providers: [CheckInsProcessor, CheckInSchedulesRepository, CheckInsRepository],
})
export class CheckInsJobsModule {}
