import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { SafetyScreenView } from '@trellis/contracts';
import type { StaffActor } from '../actor/actor';
import { CurrentActor } from '../actor/current-actor';
import { Roles } from '../auth/public.decorator';
import { ApiProblem } from '../http/api-problem.decorator';
import { SafetyScreenDto } from './safety-screen.dto';
import { SafetyScreenService } from './safety-screen.service';

/** The clinic's own safety screen, sent instead of the built-in check-in when the clinic chooses it: admins only. */
@ApiTags('safety')
@Controller('clinic/safety-screen')
export class SafetyScreenController {
  constructor(private readonly screens: SafetyScreenService) {}

  @Get()
  @Roles('admin')
  @ApiProblem(404, 'The clinic has not written a safety screen of its own yet.')
  @ApiOperation({
    summary:
      "The clinic's own safety screen: its questions, which answers are concerning, and whether check-ins send it",
  })
  view(@CurrentActor() actor: StaffActor): Promise<SafetyScreenView> {
    return this.screens.view(actor);
  }

  @Put()
  @Roles('admin')
  @ApiOperation({
    summary:
      "Write the clinic's own safety screen (every prompt counselor-only); changed questions make a new version, and check-ins already sent keep theirs",
  })
  save(@CurrentActor() actor: StaffActor, @Body() body: SafetyScreenDto): Promise<SafetyScreenView> {
    return this.screens.save(actor, body);
  }
}
