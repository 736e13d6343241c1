import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Clinic } from '@trellis/data';

/** What an admin may change about their clinic. */
export type ClinicChanges = Partial<
  Pick<
    Clinic,
    | 'name'
    | 'timezone'
    | 'requireTwoFactor'
    | 'digestEmailDetail'
    | 'neutralPartnerEmails'
    | 'offTrackRecentDrop'
    | 'offTrackGapWidening'
    | 'offTrackLowCheckOut'
    | 'offTrackSessionsWithoutImprovement'
    | 'safetyCheckInIntervalDays'
    | 'safetyCheckInScreen'
    | 'gentleReminderAfterMisses'
    | 'engagementTaskAfterMisses'
  >
>;

/** The clinic aggregate: where the clinic settings' SQL lives. */
@Injectable()
export class ClinicRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  findById(clinicId: string): Promise<Clinic> {
    return this.dataSource.getRepository(Clinic).findOneByOrFail({ id: clinicId });
  }

  /** The clinic as the caller's transaction sees it (its own changes included). */
  findByIdIn(manager: EntityManager, clinicId: string): Promise<Clinic> {
    return manager.findOneByOrFail(Clinic, { id: clinicId });
  }

  /** Whether the clinic has written a safety screen of its own (the settings may choose it only then). */
  async hasOwnSafetyScreen(manager: EntityManager, clinicId: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `SELECT 1 FROM exercise WHERE clinic_id = $1 AND kind = 'safety_check_in' AND archived_at IS NULL`,
      [clinicId],
    );
    return rows.length > 0;
  }

  async update(manager: EntityManager, clinicId: string, changes: ClinicChanges): Promise<void> {
    await manager.update(Clinic, { id: clinicId }, changes);
  }

  /**
   * Ends the sessions of the clinic's staff who have no second factor (they sign in again and are
   * asked to set it up); returns how many people that was.
   */
  async endSessionsWithoutTwoFactor(manager: EntityManager, clinicId: string): Promise<number> {
    const rows: { id: string }[] = await manager.query(
      `WITH ended AS (
         UPDATE staff_user SET sessions_valid_after = now()
         WHERE clinic_id = $1 AND totp_enabled_at IS NULL AND status = 'active'
         RETURNING id
       )
       SELECT id FROM ended`,
      [clinicId],
    );
    return rows.length;
  }
}
