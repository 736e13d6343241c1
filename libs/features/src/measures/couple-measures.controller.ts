import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
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

  @Get(':id/measures/:measureId/responses/export')
  @ApiProduces('text/csv')
  @ApiOkResponse({
    description: 'A CSV download, one row per partner per check-in, with a header row.',
    content: { 'text/csv': { schema: { type: 'string' } } },
  })
  @ApiOperation({ summary: "The same check-ins as CSV: one row per partner per check-in, every item's answer" })
  async exportCsv(
    @CurrentActor() actor: StaffActor,
    @Param('id', RecordIdPipe) coupleId: string,
    @Param('measureId', RecordIdPipe) measureId: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const csv = await this.responses.exportCsv(actor, coupleId, measureId);
    const day = new Date().toISOString().slice(0, 10);
    reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="trellis-check-ins-${day}.csv"`)
      .header('cache-control', 'no-store')
      .send(csv);
  }
}
