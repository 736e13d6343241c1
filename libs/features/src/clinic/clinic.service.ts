import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { ClinicSettings } from '@trellis/contracts';
import type { Clinic } from '@trellis/data';
import { syncDigestSchedulesInTransaction } from '@trellis/jobs';
import type { StaffActor } from '../actor/actor';
import { AuditService } from '../audit/audit.service';
import { validationProblem } from '../http/problem.exception';
import type { UpdateClinicDto } from './clinic.dto';
import { ClinicRepository } from './clinic.repository';

function toSettings(c: Clinic): ClinicSettings {
  return {
    id: c.id,
    name: c.name,
    timezone: c.timezone,
    requireTwoFactor: c.requireTwoFactor,
    digestEmailDetail: c.digestEmailDetail,
    neutralPartnerEmails: c.neutralPartnerEmails,
    offTrackRecentDrop: c.offTrackRecentDrop,
    offTrackGapWidening: c.offTrackGapWidening,
    offTrackLowCheckOut: c.offTrackLowCheckOut,
    offTrackSessionsWithoutImprovement: c.offTrackSessionsWithoutImprovement,
    safetyCheckInIntervalDays: c.safetyCheckInIntervalDays,
    safetyCheckInScreen: c.safetyCheckInScreen,
    gentleReminderAfterMisses: c.gentleReminderAfterMisses,
    engagementTaskAfterMisses: c.engagementTaskAfterMisses,
  };
}

/** The signed-in person's clinic: anyone reads its settings, an admin changes them (audited). */
@Injectable()
export class ClinicService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clinics: ClinicRepository,
    private readonly audit: AuditService,
  ) {}

  async settings(clinicId: string): Promise<ClinicSettings> {
    return toSettings(await this.clinics.findById(clinicId));
  }

  async update(actor: StaffActor, changes: UpdateClinicDto): Promise<ClinicSettings> {
    const { clinicId } = actor.staff;
    return this.dataSource.transaction(async (manager) => {
      const before = await this.clinics.findByIdIn(manager, clinicId);
      // The clinic's own screen is sent only once it exists (and a screen, once written, stays).
      if (
        changes.safetyCheckInScreen === 'clinic' &&
        before.safetyCheckInScreen !== 'clinic' &&
        !(await this.clinics.hasOwnSafetyScreen(manager, clinicId))
      ) {
        throw validationProblem([
          {
            field: 'safetyCheckInScreen',
            message: 'write the clinic’s own safety screen first (Clinic safety screen), then choose it',
          },
        ]);
      }
      await this.clinics.update(manager, clinicId, changes);
      // Turning the requirement on reaches sessions already open (up to SESSION_ABSOLUTE_HOURS):
      // everyone without a second factor, the admin included, signs in again and is asked to enrol.
      if (changes.requireTwoFactor && !before.requireTwoFactor) {
        await this.clinics.endSessionsWithoutTwoFactor(manager, clinicId);
      }
      // Weekly digests run at 08:00 in the clinic's time zone.
      if (changes.timezone) await syncDigestSchedulesInTransaction(manager, clinicId);
      const details = Object.fromEntries(
        Object.entries(changes).map(([k, v]) => [
          k,
          k === 'name' ? 'changed' : (v as string | boolean | number | null),
        ]),
      );
      await this.audit.record(
        actor,
        { action: 'clinic.update', outcome: 'success', recordType: 'clinic', recordId: clinicId, details },
        manager,
      );
      return toSettings(await this.clinics.findByIdIn(manager, clinicId));
    });
  }
}
