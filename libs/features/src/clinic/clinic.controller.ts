import { Body, Controller, Get, Patch } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { ClinicSettings, SessionUser } from '@trellis/contracts';
import { Clinic } from '@trellis/data';
import { syncDigestSchedulesInTransaction } from '@trellis/jobs';
import type { StaffActor } from '../actor/actor';
import { CurrentActor } from '../actor/current-actor';
import { AuditService } from '../audit/audit.service';
import { CurrentStaff } from '../auth/current-staff';
import { Roles } from '../auth/public.decorator';
import { UpdateClinicDto } from './clinic.dto';

function toSettings(c: Clinic): ClinicSettings {
  return { id: c.id, name: c.name, timezone: c.timezone, requireTwoFactor: c.requireTwoFactor };
}

@ApiTags('clinic')
@Controller('clinic')
export class ClinicController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  @Get()
  @ApiOperation({ summary: "The signed-in person's clinic" })
  async get(@CurrentStaff() user: SessionUser): Promise<ClinicSettings> {
    return toSettings(await this.dataSource.getRepository(Clinic).findOneByOrFail({ id: user.clinicId }));
  }

  @Patch()
  @Roles('admin')
  @ApiOperation({ summary: 'Change the clinic name, time zone, or require two-factor sign-in for everyone' })
  async update(@CurrentActor() actor: StaffActor, @Body() body: UpdateClinicDto): Promise<ClinicSettings> {
    const { clinicId } = actor.staff;
    return this.dataSource.transaction(async (manager) => {
      await manager.update(Clinic, { id: clinicId }, body);
      // Weekly digests run at 08:00 in the clinic's time zone.
      if (body.timezone) await syncDigestSchedulesInTransaction(manager, clinicId);
      const details = Object.fromEntries(
        Object.entries(body).map(([k, v]) => [k, k === 'name' ? 'changed' : (v as string | boolean)]),
      );
      await this.audit.record(
        actor,
        { action: 'clinic.update', outcome: 'success', recordType: 'clinic', recordId: clinicId, details },
        manager,
      );
      return toSettings(await manager.findOneByOrFail(Clinic, { id: clinicId }));
    });
  }
}
