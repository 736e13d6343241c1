import { Controller, Get, Param } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CoupleMeasureResponses } from '@trellis/contracts';
import type { StaffActor } from '../actor/actor';
import { CurrentActor } from '../actor/current-actor';
import { RecordIdPipe } from '../http/uuid-param.pipe';
import { MeasureResponsesService } from './measure-responses.service';

/** A couple's measurement: both partners' scored check-ins, for the Progress tab. */
@ApiTags('measures')
@Controller('couples')
export class CoupleMeasuresController {
  constructor(private readonly responses: MeasureResponsesService) {}

  @Get(':id/measures/:measureId/responses')
  @ApiOperation({ summary: "Both partners' scores (items kept) on one measure over time, oldest first" })
  list(
    @CurrentActor() actor: StaffActor,
    @Param('id', RecordIdPipe) coupleId: string,
    @Param('measureId', RecordIdPipe) measureId: string,
  ): Promise<CoupleMeasureResponses> {
    return this.responses.listForCouple(actor, coupleId, measureId);
  }
}
