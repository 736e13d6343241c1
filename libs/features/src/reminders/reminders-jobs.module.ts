import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { QueueName } from '@trellis/jobs';
import { EmailJobsModule } from '../email/email-jobs.module';
import { ReminderSender } from './reminder-sender.service';
import { RemindersProcessor } from './reminders.processor';
import { RemindersRepository } from './reminders.repository';

/** The worker's half of reminders: planning delayed jobs per open response and firing them. */
@Module({
  imports: [BullModule.registerQueue({ name: QueueName.Reminders }), EmailJobsModule],
  providers: [ReminderSender, RemindersProcessor, RemindersRepository],
})
export class RemindersJobsModule {}
