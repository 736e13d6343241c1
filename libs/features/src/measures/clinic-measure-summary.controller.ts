import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ClinicMeasureSummary } from '@trellis/contracts';
import type { StaffActor } from '../actor/actor';
import { CurrentActor } from '../actor/current-actor';
import { Roles } from '../auth/public.decorator';
import { ClinicMeasureSummaryService } from './clinic-measure-summary.service';

/** Is the clinic's work helping? Admins see, per measure, couples improving, unchanged and worsening. */
@ApiTags('measures')
@Controller('measures')
export class ClinicMeasureSummaryController {
  constructor(private readonly summaries: ClinicMeasureSummaryService) {}

  @Get('summary')
  @Roles('admin')
  @ApiOperation({
    summary: "Per measure, the clinic's active couples improving, unchanged or worsening since their first check-in",
  })
  summary(@CurrentActor() actor: StaffActor): Promise<ClinicMeasureSummary> {
    return this.summaries.summary(actor);
  }
}
