import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { QueueName } from '@trellis/jobs';
import { AssignmentIssuingModule } from '../assignments/assignment-issuing.module';
import { AuditService } from '../audit/audit.service';
import { AssignmentSeriesProcessor } from './assignment-series.processor';
import { AssignmentSeriesRepository } from './assignment-series.repository';
import { SeriesAdvancer } from './series-advancer';

/** The worker's half of recurring homework: issuing each occurrence when the one before falls due. */
@Module({
  imports: [BullModule.registerQueue({ name: QueueName.AssignmentSeries }), AssignmentIssuingModule],
  providers: [AssignmentSeriesProcessor, AssignmentSeriesRepository, SeriesAdvancer, AuditService],
})
export class AssignmentSeriesJobsModule {}
