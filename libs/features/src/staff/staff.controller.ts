import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ListResponse, StaffMember, StaffMemberDetail } from '@trellis/contracts';
import type { StaffActor } from '../actor/actor';
import { CurrentActor } from '../actor/current-actor';
import { AuditService } from '../audit/audit.service';
import { Roles } from '../auth/public.decorator';
import { RecordIdPipe } from '../http/uuid-param.pipe';
import { InvitationsService } from './invitations.service';
import { StaffAdminService } from './staff-admin.service';
import { StaffListQueryDto } from './staff-list-query.dto';
import { InviteStaffDto, UpdateStaffDto } from './staff.dto';
import { StaffService } from './staff.service';
import { ApiProblem } from '../http/api-problem.decorator';

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
  async list(@CurrentActor() actor: StaffActor, @Query() query: StaffListQueryDto): Promise<ListResponse<StaffMember>> {
    const result = await this.staff.list(actor.staff.clinicId, query);
    await this.audit.record(actor, { action: 'staff.list', outcome: 'success', recordType: 'staff_user' });
    return result;
  }

  @Post('invitations')
  @ApiProblem(409, 'The email address already has a Trellis account in this clinic (`errors` names `email`).')
  @ApiOperation({ summary: 'Invite a person by email and role; the worker emails a single-use link' })
  invite(@CurrentActor() actor: StaffActor, @Body() body: InviteStaffDto): Promise<StaffMember> {
    return this.invitations.invite(actor, body);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One staff member, with their pending invitation if any' })
  get(@CurrentActor() actor: StaffActor, @Param('id', RecordIdPipe) id: string): Promise<StaffMemberDetail> {
    return this.admin.get(actor, id);
  }

  @Patch(':id')
  @ApiProblem(
    409,
    'Deactivating someone who has couples needs `reassignCouplesTo`; the last active admin cannot stop being one; an invited person has no status to change yet.',
  )
  @ApiOperation({ summary: 'Change role, deactivate or reactivate (never the last active admin)' })
  update(
    @CurrentActor() actor: StaffActor,
    @Param('id', RecordIdPipe) id: string,
    @Body() body: UpdateStaffDto,
  ): Promise<StaffMemberDetail> {
    return this.admin.update(actor, id, body);
  }

  @Post(':id/invitation/resend')
  @HttpCode(202)
  @ApiProblem(409, 'The person has already accepted their invitation.')
  @ApiOperation({ summary: 'Send a fresh invitation link (the old one stops working)' })
  resend(@CurrentActor() actor: StaffActor, @Param('id', RecordIdPipe) id: string): Promise<void> {
    return this.invitations.resend(actor, id);
  }

  @Delete(':id/invitation')
  @HttpCode(204)
  @ApiProblem(409, 'The person has already accepted their invitation.')
  @ApiOperation({ summary: 'Withdraw an invitation that has not been accepted' })
  revoke(@CurrentActor() actor: StaffActor, @Param('id', RecordIdPipe) id: string): Promise<void> {
    return this.invitations.revoke(actor, id);
  }
}
