import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { QueueName } from '@trellis/jobs';
import { AuditService } from '../audit/audit.service';
import { AccountLinksRepository } from './account-links.repository';
import { AuthProcessor } from './auth.processor';
import { PasswordResetRequestsRepository } from './password-reset-requests.repository';
import { PasswordResetRequestsService } from './password-reset-requests.service';
import { StaffAccountsRepository } from './staff-accounts.repository';

/** The worker's half of auth: password-reset requests, looked up after the API has answered. */
@Module({
  imports: [BullModule.registerQueue({ name: QueueName.Accounts })],
  providers: [
    AuthProcessor,
    PasswordResetRequestsService,
    PasswordResetRequestsRepository,
    AccountLinksRepository,
    StaffAccountsRepository,
    AuditService,
  ],
})
export class AuthJobsModule {}
