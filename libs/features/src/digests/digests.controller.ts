import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { DigestPreferences, DigestView, ListResponse } from '@trellis/contracts';
import type { StaffActor } from '../actor/actor';
import { CurrentActor } from '../actor/current-actor';
import { ListQueryDto } from '../http/list-query.dto';
import { RecordIdPipe } from '../http/uuid-param.pipe';
import { DigestPreferencesDto } from './digest-preferences.dto';
import { DigestsService } from './digests.service';

/** The digests emailed to the signed-in therapist, readable here too (their own only). */
@ApiTags('digests')
@Controller('digests')
export class DigestsController {
  constructor(private readonly digests: DigestsService) {}

  @Get()
  @ApiOperation({ summary: 'My weekly and pre-session digests, newest first' })
  list(@CurrentActor() actor: StaffActor, @Query() query: ListQueryDto): Promise<ListResponse<DigestView>> {
    return this.digests.list(actor, query);
  }

  // Declared before ':id', which would otherwise take "preferences" for a digest id.
  @Get('preferences')
  @ApiOperation({ summary: 'My digest choices' })
  preferences(@CurrentActor() actor: StaffActor): Promise<DigestPreferences> {
    return this.digests.preferencesOf(actor);
  }

  @Put('preferences')
  @ApiOperation({ summary: 'Choose my digests: turning the weekly one off stops its schedule' })
  choose(@CurrentActor() actor: StaffActor, @Body() body: DigestPreferencesDto): Promise<DigestPreferences> {
    return this.digests.choose(actor, body);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One digest' })
  get(@CurrentActor() actor: StaffActor, @Param('id', RecordIdPipe) id: string): Promise<DigestView> {
    return this.digests.get(actor, id);
  }
}
