import { Controller, Get, Req } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import type { SessionUser, TherapistHome } from '@trellis/contracts';
import { AuditService } from '../audit/audit.service';
import { CurrentStaff } from '../auth/current-staff';
import { HomeService } from './home.service';

@ApiTags('home')
@Controller('home')
export class HomeController {
  constructor(
    private readonly home: HomeService,
    private readonly audit: AuditService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'What needs attention (awaiting review, overdue, sessions in 48 h) and completion charts' })
  async get(@CurrentStaff() user: SessionUser, @Req() request: FastifyRequest): Promise<TherapistHome> {
    const result = await this.home.home(user);
    await this.audit.record(
      { clinicId: user.clinicId, actorType: 'staff', actorId: user.id, action: 'home.view', outcome: 'success' },
      request,
    );
    return result;
  }
}
