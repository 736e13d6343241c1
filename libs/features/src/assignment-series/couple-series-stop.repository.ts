import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { SeriesStoppedReason } from '@trellis/data';

/**
 * Stops a couple's repeating homework when the couple is paused or discharged, in the same
 * transaction as the status change: the series list says "stopped" at once, not only when its
 * next occurrence would have fired. (The occurrence job, should it still fire, finds the series
 * stopped and issues nothing.) Provided to the couples feature, which owns the status change;
 * kept here because it is the series table's SQL.
 */
@Injectable()
export class CoupleSeriesStopRepository {
  /** The ids of the series stopped (those still active). */
  async stopActive(
    manager: EntityManager,
    clinicId: string,
    coupleId: string,
    reason: Extract<SeriesStoppedReason, 'couple_paused' | 'couple_discharged'>,
  ): Promise<string[]> {
    const [rows]: [{ id: string }[], number] = await manager.query(
      `UPDATE assignment_series SET status = 'stopped', stopped_reason = $3, stopped_at = now(), updated_at = now()
       WHERE clinic_id = $1 AND couple_id = $2 AND status = 'active'
       RETURNING id`,
      [clinicId, coupleId, reason],
    );
    return rows.map((r) => r.id);
  }
}
