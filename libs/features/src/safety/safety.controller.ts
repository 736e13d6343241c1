import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CoupleSafety } from '@trellis/contracts';
import type { StaffActor } from '../actor/actor';
import { CurrentActor } from '../actor/current-actor';
import { ApiProblem } from '../http/api-problem.decorator';
import { RecordIdPipe } from '../http/uuid-param.pipe';
import { LiftSafetyPauseDto } from './safety.dto';
import { SafetyService } from './safety.service';

/** The therapist's side of a couple's safety pause (the partner's side is on the homework page). */
@ApiTags('safety')
@Controller('couples')
export class SafetyController {
  constructor(private readonly safety: SafetyService) {}

  @Get(':id/safety')
  @ApiOperation({
    summary: 'The open safety pause (who raised it, from which homework, when) and the last ones lifted',
  })
  view(@CurrentActor() actor: StaffActor, @Param('id', RecordIdPipe) coupleId: string): Promise<CoupleSafety> {
    return this.safety.view(actor, coupleId);
  }

  @Post(':id/safety/lift')
  @HttpCode(200)
  @ApiProblem(409, 'There is no open safety pause for this couple.')
  @ApiOperation({ summary: 'Record what was done and lift the pause: answer sharing and joint homework resume' })
  lift(
    @CurrentActor() actor: StaffActor,
    @Param('id', RecordIdPipe) coupleId: string,
    @Body() body: LiftSafetyPauseDto,
  ): Promise<CoupleSafety> {
    return this.safety.lift(actor, coupleId, body.note);
  }
}
