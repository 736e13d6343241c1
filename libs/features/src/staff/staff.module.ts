import { Module } from '@nestjs/common';
import { SessionScheduleModule } from '../sessions/session-schedule.module';
import { CaseloadRepository } from './caseload.repository';
import { InvitationsRepository } from './invitations.repository';
import { InvitationsService } from './invitations.service';
import { StaffAdminService } from './staff-admin.service';
import { StaffController } from './staff.controller';
import { StaffRepository } from './staff.repository';
import { StaffService } from './staff.service';

@Module({
  imports: [SessionScheduleModule],
  controllers: [StaffController],
  providers: [
    StaffService,
    StaffAdminService,
    InvitationsService,
    StaffRepository,
    InvitationsRepository,
    CaseloadRepository,
  ],
})
export class StaffModule {}
