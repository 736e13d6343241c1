import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { QueueName } from '@trellis/jobs';
import { AssignmentIssuingModule } from '../assignments/assignment-issuing.module';
import { AuditService } from '../audit/audit.service';
import { ProgramAdvancer } from './program-advancer';
import { ProgramsProcessor } from './programs.processor';
import { ProgramsRepository } from './programs.repository';

/** The worker's half of programs: opening a couple's next step when the step before is finished. */
@Module({
  imports: [BullModule.registerQueue({ name: QueueName.Programs }), AssignmentIssuingModule],
  providers: [ProgramsProcessor, ProgramAdvancer, ProgramsRepository, AuditService],
})
export class ProgramsJobsModule {}
