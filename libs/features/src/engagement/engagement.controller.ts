import { Controller, Get, Param } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CoupleEngagement } from '@trellis/contracts';
import type { StaffActor } from '../actor/actor';
import { CurrentActor } from '../actor/current-actor';
import { RecordIdPipe } from '../http/uuid-param.pipe';
import { EngagementService } from './engagement.service';

/** Each partner's engagement with their homework, on the couple page. */
@ApiTags('engagement')
@Controller('couples')
export class EngagementController {
  constructor(private readonly engagement: EngagementService) {}

  @Get(':id/engagement')
  @ApiOperation({
    summary:
      'Each partner: on time over the last four homeworks, missed in a row, last activity, and whether the clinic’s gentler reminders or a check-in apply',
  })
  ofCouple(@CurrentActor() actor: StaffActor, @Param('id', RecordIdPipe) coupleId: string): Promise<CoupleEngagement> {
    return this.engagement.ofCouple(actor, coupleId);
  }
}
