import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, Req } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import type { ListResponse, SessionUser, StaffMember, StaffMemberDetail } from '@trellis/contracts';
import { AuditService } from '../audit/audit.service';
import { CurrentStaff } from '../auth/current-staff';
import { Roles } from '../auth/public.decorator';
import { RecordIdPipe } from '../http/uuid-param.pipe';
import { InvitationsService } from './invitations.service';
import { StaffAdminService } from './staff-admin.service';
import { StaffListQueryDto } from './staff-list-query.dto';
import { InviteStaffDto, UpdateStaffDto } from './staff.dto';
import { StaffService } from './staff.service';

@ApiTags('staff')
@Roles('admin')
@Controller('staff')
export class StaffController {
  constructor(
    private readonly staff: StaffService,
    private readonly admin: StaffAdminService,
    private readonly invitations: InvitationsService,
    private readonly audit: AuditService,
  ) {}

  @Get()
  @ApiOperation({ summary: "The clinic's staff: search (q), filter (role, status), sort, page. Admins only." })
  async list(
    @CurrentStaff() admin: SessionUser,
    @Query() query: StaffListQueryDto,
    @Req() request: FastifyRequest,
  ): Promise<ListResponse<StaffMember>> {
    const result = await this.staff.list(admin.clinicId, query);
    await this.audit.record(
      {
        clinicId: admin.clinicId,
        actorType: 'staff',
        actorId: admin.id,
        action: 'staff.list',
        outcome: 'success',
        recordType: 'staff_user',
      },
      request,
    );
    return result;
  }

  @Post('invitations')
  @ApiOperation({ summary: 'Invite a person by email and role; the worker emails a single-use link' })
  invite(
    @CurrentStaff() admin: SessionUser,
    @Body() body: InviteStaffDto,
    @Req() request: FastifyRequest,
  ): Promise<StaffMember> {
    return this.invitations.invite(admin, body, request);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One staff member, with their pending invitation if any' })
  get(
    @CurrentStaff() admin: SessionUser,
    @Param('id', RecordIdPipe) id: string,
    @Req() request: FastifyRequest,
  ): Promise<StaffMemberDetail> {
    return this.admin.get(admin, id, request);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change role, deactivate or reactivate (never the last active admin)' })
  update(
    @CurrentStaff() admin: SessionUser,
    @Param('id', RecordIdPipe) id: string,
    @Body() body: UpdateStaffDto,
    @Req() request: FastifyRequest,
  ): Promise<StaffMemberDetail> {
    return this.admin.update(admin, id, body, request);
  }

  @Post(':id/invitation/resend')
  @HttpCode(202)
  @ApiOperation({ summary: 'Send a fresh invitation link (the old one stops working)' })
  resend(
    @CurrentStaff() admin: SessionUser,
    @Param('id', RecordIdPipe) id: string,
    @Req() request: FastifyRequest,
  ): Promise<void> {
    return this.invitations.resend(admin, id, request);
  }

  @Delete(':id/invitation')
  @HttpCode(204)
  @ApiOperation({ summary: 'Withdraw an invitation that has not been accepted' })
  revoke(
    @CurrentStaff() admin: SessionUser,
    @Param('id', RecordIdPipe) id: string,
    @Req() request: FastifyRequest,
  ): Promise<void> {
    return this.invitations.revoke(admin, id, request);
  }
}
