import { Body, Controller, Get, Patch } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ClinicSettings, SessionUser } from '@trellis/contracts';
import type { StaffActor } from '../actor/actor';
import { CurrentActor } from '../actor/current-actor';
import { CurrentStaff } from '../auth/current-staff';
import { Roles } from '../auth/public.decorator';
import { UpdateClinicDto } from './clinic.dto';
import { ClinicService } from './clinic.service';

@ApiTags('clinic')
@Controller('clinic')
export class ClinicController {
  constructor(private readonly clinic: ClinicService) {}

  @Get()
  @ApiOperation({ summary: "The signed-in person's clinic" })
  get(@CurrentStaff() user: SessionUser): Promise<ClinicSettings> {
    return this.clinic.settings(user.clinicId);
  }

  @Patch()
  @Roles('admin')
  @ApiOperation({
    summary:
      'Change the clinic name, time zone, two-factor requirement, digest detail, neutral partner emails or safety check-ins',
  })
  update(@CurrentActor() actor: StaffActor, @Body() body: UpdateClinicDto): Promise<ClinicSettings> {
    return this.clinic.update(actor, body);
  }
}
