import { Body, Controller, Delete, Get, Param, Post, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AgreementCandidate, AgreementRhythmView, AgreementView, ListResponse } from '@trellis/contracts';
import type { StaffActor } from '../actor/actor';
import { CurrentActor } from '../actor/current-actor';
import { ApiProblem } from '../http/api-problem.decorator';
import { RecordIdPipe } from '../http/uuid-param.pipe';
import { AgreementRhythmDto, CreateAgreementDto, UpdateAgreementDto } from './agreement.dto';
import { AgreementsService } from './agreements.service';

/** A couple's agreements, their weekly review rhythm, and the kept-or-slipped grid. */
@ApiTags('agreements')
@Controller('couples/:id')
export class AgreementsController {
  constructor(private readonly agreements: AgreementsService) {}

  @Get('agreements')
  @ApiOperation({
    summary: "The couple's agreements, each with its versions, confirmations and the last weeks' answers",
  })
  async list(
    @CurrentActor() actor: StaffActor,
    @Param('id', RecordIdPipe) coupleId: string,
  ): Promise<ListResponse<AgreementView>> {
    const data = await this.agreements.list(actor, coupleId);
    return { data, total: data.length };
  }

  @Get('agreement-candidates')
  @ApiOperation({ summary: "Partners' answers to the agreements exercise, to turn into agreements" })
  async candidates(
    @CurrentActor() actor: StaffActor,
    @Param('id', RecordIdPipe) coupleId: string,
  ): Promise<ListResponse<AgreementCandidate>> {
    const data = await this.agreements.candidates(actor, coupleId);
    return { data, total: data.length };
  }

  @Post('agreements')
  @ApiOperation({ summary: 'Add an agreement: agreed in session (text) or from an exercise answer' })
  create(
    @CurrentActor() actor: StaffActor,
    @Param('id', RecordIdPipe) coupleId: string,
    @Body() body: CreateAgreementDto,
  ): Promise<AgreementView> {
    return this.agreements.create(actor, coupleId, body);
  }

  @Put('agreements/:agreementId')
  @ApiProblem(409, 'The agreement is retired.')
  @ApiOperation({ summary: 'Reword an agreement: a new version, which both partners confirm again' })
  update(
    @CurrentActor() actor: StaffActor,
    @Param('id', RecordIdPipe) coupleId: string,
    @Param('agreementId', RecordIdPipe) agreementId: string,
    @Body() body: UpdateAgreementDto,
  ): Promise<AgreementView> {
    return this.agreements.update(actor, coupleId, agreementId, body);
  }

  @Post('agreements/:agreementId/retire')
  @ApiOperation({ summary: 'Retire an agreement: no longer reviewed; its history stays' })
  retire(
    @CurrentActor() actor: StaffActor,
    @Param('id', RecordIdPipe) coupleId: string,
    @Param('agreementId', RecordIdPipe) agreementId: string,
  ): Promise<AgreementView> {
    return this.agreements.retire(actor, coupleId, agreementId);
  }

  @Get('agreement-rhythm')
  @ApiOperation({ summary: 'When each partner is asked "did this hold this week?", and the next time planned' })
  rhythm(@CurrentActor() actor: StaffActor, @Param('id', RecordIdPipe) coupleId: string): Promise<AgreementRhythmView> {
    return this.agreements.rhythm(actor, coupleId);
  }

  @Put('agreement-rhythm')
  @ApiOperation({ summary: "Review weekly on a weekday at a local time (the clinic's time zone)" })
  setRhythm(
    @CurrentActor() actor: StaffActor,
    @Param('id', RecordIdPipe) coupleId: string,
    @Body() body: AgreementRhythmDto,
  ): Promise<AgreementRhythmView> {
    return this.agreements.setRhythm(actor, coupleId, body);
  }

  @Delete('agreement-rhythm')
  @ApiOperation({ summary: 'Turn the weekly review off' })
  clearRhythm(
    @CurrentActor() actor: StaffActor,
    @Param('id', RecordIdPipe) coupleId: string,
  ): Promise<AgreementRhythmView> {
    return this.agreements.setRhythm(actor, coupleId, null);
  }
}
