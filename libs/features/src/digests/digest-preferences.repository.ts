import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

/** A staff member's own digest choices, kept on their `staff_user` row. */
@Injectable()
export class DigestPreferencesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Null when there is no such person in the clinic. */
  async weeklyChoice(clinicId: string, staffId: string): Promise<boolean | null> {
    const [row]: { weekly_digest: boolean }[] = await this.dataSource.query(
      `SELECT weekly_digest FROM staff_user WHERE id = $1 AND clinic_id = $2`,
      [staffId, clinicId],
    );
    return row ? row.weekly_digest : null;
  }

  /** Sets the choice; returns what it was before (null: no such person). */
  async chooseWeekly(
    manager: EntityManager,
    clinicId: string,
    staffId: string,
    weekly: boolean,
  ): Promise<boolean | null> {
    const [row]: { weekly_digest: boolean }[] = await manager.query(
      `SELECT weekly_digest FROM staff_user WHERE id = $1 AND clinic_id = $2 FOR UPDATE`,
      [staffId, clinicId],
    );
    if (!row) return null;
    if (row.weekly_digest !== weekly) {
      await manager.query(`UPDATE staff_user SET weekly_digest = $3 WHERE id = $1 AND clinic_id = $2`, [
        staffId,
        clinicId,
        weekly,
      ]);
    }
    return row.weekly_digest;
  }
}
