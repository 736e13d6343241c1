import { Controller, Get, Query, Req } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import type { ListResponse, SessionUser, StaffMember } from '@trellis/contracts';
import { AuditService } from '../audit/audit.service';
import { CurrentStaff } from '../auth/current-staff';
import { Roles } from '../auth/public.decorator';
import { StaffListQueryDto } from './staff-list-query.dto';
import { StaffService } from './staff.service';

@ApiTags('staff')
@Roles('admin')
@Controller('staff')
export class StaffController {
  constructor(
    private readonly staff: StaffService,
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
      { clinicId: admin.clinicId, actorType: 'staff', actorId: admin.id, action: 'staff.list', outcome: 'success', recordType: 'staff_user' },
      request,
    );
    return result;
  }
}
