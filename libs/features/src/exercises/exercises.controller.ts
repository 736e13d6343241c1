import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ExerciseDetail, ExerciseSummary, ListResponse, SessionUser } from '@trellis/contracts';
import type { StaffActor } from '../actor/actor';
import { CurrentActor } from '../actor/current-actor';
import { CurrentStaff } from '../auth/current-staff';
import { RecordIdPipe } from '../http/uuid-param.pipe';
import { CreateExerciseDto, UpdateExerciseDto } from './exercise.dto';
import { ExerciseListQueryDto } from './exercise-list-query.dto';
import { ExercisesService } from './exercises.service';
import { ApiProblem } from '../http/api-problem.decorator';

/** The strategy library: every signed-in staff member reads it and writes their clinic's own exercises. */
@ApiTags('exercises')
@Controller('exercises')
export class ExercisesController {
  constructor(private readonly exercises: ExercisesService) {}

  @Get()
  @ApiOperation({
    summary: "Built-in and the clinic's own exercises: search (q), filter (strategy, source), sort, page",
  })
  list(
    @CurrentStaff() staff: SessionUser,
    @Query() query: ExerciseListQueryDto,
  ): Promise<ListResponse<ExerciseSummary>> {
    return this.exercises.list(staff.clinicId, query);
  }

  @Post()
  @ApiOperation({ summary: "Write a new exercise for the clinic's library (3–6 prompts)" })
  create(@CurrentActor() actor: StaffActor, @Body() body: CreateExerciseDto): Promise<ExerciseDetail> {
    return this.exercises.create(actor, body);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One exercise with its instructions and prompts (what the preview shows)' })
  get(@CurrentStaff() staff: SessionUser, @Param('id', RecordIdPipe) id: string): Promise<ExerciseDetail> {
    return this.exercises.get(staff.clinicId, id);
  }

  @Post(':id/duplicate')
  @ApiOperation({ summary: "Copy a built-in or the clinic's own exercise into the clinic's library, to adapt it" })
  duplicate(@CurrentActor() actor: StaffActor, @Param('id', RecordIdPipe) id: string): Promise<ExerciseDetail> {
    return this.exercises.duplicate(actor, id);
  }

  @Patch(':id')
  @ApiProblem(409, 'A built-in exercise is read-only: duplicate it to adapt it.')
  @ApiOperation({
    summary: "Edit the clinic's own exercise (built-ins: 409, duplicate first); new prompts bump the version",
  })
  update(
    @CurrentActor() actor: StaffActor,
    @Param('id', RecordIdPipe) id: string,
    @Body() body: UpdateExerciseDto,
  ): Promise<ExerciseDetail> {
    return this.exercises.update(actor, id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiProblem(409, 'Built-in exercises cannot be archived.')
  @ApiOperation({ summary: "Archive the clinic's own exercise (built-ins: 409); assignments keep their copies" })
  archive(@CurrentActor() actor: StaffActor, @Param('id', RecordIdPipe) id: string): Promise<void> {
    return this.exercises.archive(actor, id);
  }
}
