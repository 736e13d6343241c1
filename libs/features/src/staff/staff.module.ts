import { Module } from '@nestjs/common';
import { InvitationsService } from './invitations.service';
import { StaffAdminService } from './staff-admin.service';
import { StaffController } from './staff.controller';
import { StaffService } from './staff.service';

@Module({ controllers: [StaffController], providers: [StaffService, StaffAdminService, InvitationsService] })
export class StaffModule {}
