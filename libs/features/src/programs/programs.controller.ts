import { Body, Controller, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type {
  AddedProgramStepResponse,
  CoupleProgramResponse,
  ListResponse,
  ProgramView,
  SessionUser,
} from '@trellis/contracts';
import type { StaffActor } from '../actor/actor';
import { CurrentActor } from '../actor/current-actor';
import { CurrentStaff } from '../auth/current-staff';
import { ApiProblem } from '../http/api-problem.decorator';
import { RecordIdPipe } from '../http/uuid-param.pipe';
import {
  AddStepDto,
  CreateProgramDto,
  EnrolDto,
  ReorderStepsDto,
  UpdateEnrolmentDto,
  UpdateProgramDto,
} from './program.dto';
import { ProgramsService } from './programs.service';

/** The program library: every signed-in staff member reads it and builds their clinic's own. */
@ApiTags('programs')
@Controller()
export class ProgramsController {
  constructor(private readonly programs: ProgramsService) {}

  @Get('programs')
  @ApiOperation({ summary: "Built-in programs and the clinic's own, with their steps" })
  list(@CurrentStaff() staff: SessionUser): Promise<ListResponse<ProgramView>> {
    return this.programs.list(staff.clinicId);
  }

  @Post('programs')
  @ApiOperation({ summary: "Build a program for the clinic's library: steps in order, each saying when it opens" })
  create(@CurrentActor() actor: StaffActor, @Body() body: CreateProgramDto): Promise<ProgramView> {
    return this.programs.create(actor, body);
  }

  @Get('programs/:id')
  @ApiOperation({ summary: 'One program with its steps' })
  get(@CurrentStaff() staff: SessionUser, @Param('id', RecordIdPipe) id: string): Promise<ProgramView> {
    return this.programs.get(staff.clinicId, id);
  }

  @Patch('programs/:id')
  @ApiProblem(409, 'A built-in program is read-only.')
  @ApiOperation({ summary: "Change the clinic's own program (couples already on it keep their steps), or archive it" })
  update(
    @CurrentActor() actor: StaffActor,
    @Param('id', RecordIdPipe) id: string,
    @Body() body: UpdateProgramDto,
  ): Promise<ProgramView> {
    return this.programs.update(actor, id, body);
  }

  @Get('couples/:id/program')
  @ApiOperation({
    summary:
      "The couple's path: every step, its state, the cautions for each step to come, and where the couple is " +
      '(null when on none)',
  })
  enrolment(@CurrentActor() actor: StaffActor, @Param('id', RecordIdPipe) id: string): Promise<CoupleProgramResponse> {
    return this.programs.enrolment(actor, id);
  }

  @Post('couples/:id/program')
  @ApiProblem(409, 'The couple is not active, or is already on a program.')
  @ApiOperation({ summary: 'Put the couple on a program: its first step opens at once' })
  enrol(
    @CurrentActor() actor: StaffActor,
    @Param('id', RecordIdPipe) id: string,
    @Body() body: EnrolDto,
  ): Promise<CoupleProgramResponse> {
    return this.programs.enrol(actor, id, body);
  }

  @Patch('couples/:id/program')
  @ApiProblem(409, 'The couple is not on a program.')
  @ApiOperation({ summary: 'Pause, resume (the next step opens if it is due) or stop the couple’s path' })
  updateEnrolment(
    @CurrentActor() actor: StaffActor,
    @Param('id', RecordIdPipe) id: string,
    @Body() body: UpdateEnrolmentDto,
  ): Promise<CoupleProgramResponse> {
    return this.programs.updateEnrolment(actor, id, body);
  }

  @Post('couples/:id/program/steps')
  @HttpCode(200)
  @ApiProblem(409, 'The couple is not on a program.')
  @ApiOperation({
    summary:
      'Add a step to the couple’s path, before a step not yet open or at the end; the answer gives the cautions ' +
      'the assign dialog would give for it (a later phase, coercion-sensitive while a safety concern is open)',
  })
  addStep(
    @CurrentActor() actor: StaffActor,
    @Param('id', RecordIdPipe) id: string,
    @Body() body: AddStepDto,
  ): Promise<AddedProgramStepResponse> {
    return this.programs.addStep(actor, id, body);
  }

  @Post('couples/:id/program/steps/:stepId/skip')
  @HttpCode(200)
  @ApiProblem(409, 'The couple is not on a program, or the step is already done or skipped.')
  @ApiOperation({ summary: 'Skip a step; skipping the open one opens the next now' })
  skip(
    @CurrentActor() actor: StaffActor,
    @Param('id', RecordIdPipe) id: string,
    @Param('stepId', RecordIdPipe) stepId: string,
  ): Promise<CoupleProgramResponse> {
    return this.programs.skip(actor, id, stepId);
  }

  @Post('couples/:id/program/reorder')
  @HttpCode(200)
  @ApiProblem(409, 'The couple is not on a program.')
  @ApiOperation({ summary: 'A new order for the steps not yet open' })
  reorder(
    @CurrentActor() actor: StaffActor,
    @Param('id', RecordIdPipe) id: string,
    @Body() body: ReorderStepsDto,
  ): Promise<CoupleProgramResponse> {
    return this.programs.reorder(actor, id, body);
  }
}
