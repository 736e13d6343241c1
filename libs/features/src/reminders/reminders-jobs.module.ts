import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { QueueName } from '@trellis/jobs';
import { AssignmentIssuingModule } from '../assignments/assignment-issuing.module';
import { AuditService } from '../audit/audit.service';
import { EmailJobsModule } from '../email/email-jobs.module';
import { SafetyCheckInsService } from '../safety/safety-check-ins.service';
import { SafetyCheckInsRepository } from '../safety/safety.repository';
import { ReminderSender } from './reminder-sender.service';
import { RemindersProcessor } from './reminders.processor';
import { RemindersRepository } from './reminders.repository';

/**
 * The worker's half of reminders: planning delayed jobs per open response and firing them; and
 * the hourly safety check-in sweep, which sends homework of its own kind on the same path.
 */
@Module({
  imports: [BullModule.registerQueue({ name: QueueName.Reminders }), EmailJobsModule, AssignmentIssuingModule],
  providers: [
    ReminderSender,
    RemindersProcessor,
    RemindersRepository,
    SafetyCheckInsService,
    SafetyCheckInsRepository,
    AuditService,
  ],
})
export class RemindersJobsModule {}
