import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { TherapistHome } from '@trellis/contracts';
import type { StaffActor } from '../actor/actor';
import { CurrentActor } from '../actor/current-actor';
import { AuditService } from '../audit/audit.service';
import { HomeRepository } from './home.repository';

@ApiTags('home')
@Controller('home')
export class HomeController {
  constructor(
    private readonly home: HomeRepository,
    private readonly audit: AuditService,
  ) {}

  @Get()
  @ApiOperation({
    summary:
      'What needs attention (awaiting review, overdue, sessions in 48 h, couples off track) and completion charts',
  })
  async get(@CurrentActor() actor: StaffActor): Promise<TherapistHome> {
    const result = await this.home.forStaff(actor.staff);
    await this.audit.record(actor, { action: 'home.view', outcome: 'success' });
    return result;
  }
}
