import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { QueueName } from '@trellis/jobs';
import { SessionScheduleModule } from './session-schedule.module';
import { SessionsProcessor } from './sessions.processor';

/** The worker's half of sessions: appointment reminders and rolling next sessions forward. */
@Module({
  imports: [BullModule.registerQueue({ name: QueueName.Sessions }), SessionScheduleModule],
  providers: [SessionsProcessor],
})
export class SessionsJobsModule {}
