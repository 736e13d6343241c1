import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ListResponse, MeasureDetail, MeasurePreview, MeasureSummary, SessionUser } from '@trellis/contracts';
import type { StaffActor } from '../actor/actor';
import { CurrentActor } from '../actor/current-actor';
import { CurrentStaff } from '../auth/current-staff';
import { RecordIdPipe } from '../http/uuid-param.pipe';
import { CreateMeasureDto, CreateMeasureVersionDto, MeasurePreviewDto } from './measure.dto';
import { MeasureListQueryDto } from './measure-list-query.dto';
import { MeasuresService } from './measures.service';
import { ApiProblem } from '../http/api-problem.decorator';

/** The measure library: like exercises, every signed-in staff member reads it and writes their clinic's own. */
@ApiTags('measures')
@Controller('measures')
export class MeasuresController {
  constructor(private readonly measures: MeasuresService) {}

  @Get()
  @ApiOperation({ summary: "Built-in and the clinic's own measures: search (q), filter (kind, source), sort, page" })
  list(@CurrentStaff() staff: SessionUser, @Query() query: MeasureListQueryDto): Promise<ListResponse<MeasureSummary>> {
    return this.measures.list(staff.clinicId, query);
  }

  @Post()
  @ApiOperation({ summary: 'Enter a measure for the clinic (version 1); an inconsistent scoring rule is a 400' })
  create(@CurrentActor() actor: StaffActor, @Body() body: CreateMeasureDto): Promise<MeasureDetail> {
    return this.measures.create(actor, body);
  }

  @Post('preview')
  @HttpCode(200)
  @ApiOperation({ summary: 'Score sample answers against a definition being written; saves nothing' })
  preview(@Body() body: MeasurePreviewDto): MeasurePreview {
    return this.measures.preview(body);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One measure: its current definition and every version, newest first' })
  get(@CurrentStaff() staff: SessionUser, @Param('id', RecordIdPipe) id: string): Promise<MeasureDetail> {
    return this.measures.get(staff.clinicId, id);
  }

  @Post(':id/versions')
  @ApiProblem(409, 'A built-in measure, or a definition the same as the current version.')
  @ApiOperation({
    summary: "A new version of the clinic's own measure (built-ins: 409); past scores keep their version",
  })
  addVersion(
    @CurrentActor() actor: StaffActor,
    @Param('id', RecordIdPipe) id: string,
    @Body() body: CreateMeasureVersionDto,
  ): Promise<MeasureDetail> {
    return this.measures.addVersion(actor, id, body);
  }
}
