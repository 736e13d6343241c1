import { Module } from '@nestjs/common';
import { CaseloadRepository } from './caseload.repository';
import { InvitationsRepository } from './invitations.repository';
import { InvitationsService } from './invitations.service';
import { StaffAdminService } from './staff-admin.service';
import { StaffController } from './staff.controller';
import { StaffRepository } from './staff.repository';
import { StaffService } from './staff.service';

@Module({
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
