import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, Req } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import type { ExerciseDetail, ExerciseSummary, ListResponse, SessionUser } from '@trellis/contracts';
import { CurrentStaff } from '../auth/current-staff';
import { RecordIdPipe } from '../http/uuid-param.pipe';
import { CreateExerciseDto, UpdateExerciseDto } from './exercise.dto';
import { ExerciseListQueryDto } from './exercise-list-query.dto';
import { ExercisesService } from './exercises.service';

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
  create(
    @CurrentStaff() staff: SessionUser,
    @Body() body: CreateExerciseDto,
    @Req() request: FastifyRequest,
  ): Promise<ExerciseDetail> {
    return this.exercises.create(staff, body, request);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One exercise with its instructions and prompts (what the preview shows)' })
  get(@CurrentStaff() staff: SessionUser, @Param('id', RecordIdPipe) id: string): Promise<ExerciseDetail> {
    return this.exercises.get(staff.clinicId, id);
  }

  @Post(':id/duplicate')
  @ApiOperation({ summary: "Copy a built-in or the clinic's own exercise into the clinic's library, to adapt it" })
  duplicate(
    @CurrentStaff() staff: SessionUser,
    @Param('id', RecordIdPipe) id: string,
    @Req() request: FastifyRequest,
  ): Promise<ExerciseDetail> {
    return this.exercises.duplicate(staff, id, request);
  }

  @Patch(':id')
  @ApiOperation({
    summary: "Edit the clinic's own exercise (built-ins: 409, duplicate first); new prompts bump the version",
  })
  update(
    @CurrentStaff() staff: SessionUser,
    @Param('id', RecordIdPipe) id: string,
    @Body() body: UpdateExerciseDto,
    @Req() request: FastifyRequest,
  ): Promise<ExerciseDetail> {
    return this.exercises.update(staff, id, body, request);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: "Archive the clinic's own exercise (built-ins: 409); assignments keep their copies" })
  archive(
    @CurrentStaff() staff: SessionUser,
    @Param('id', RecordIdPipe) id: string,
    @Req() request: FastifyRequest,
  ): Promise<void> {
    return this.exercises.archive(staff, id, request);
  }
}
