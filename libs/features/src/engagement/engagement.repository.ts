import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { SessionUser } from '@trellis/contracts';
import { clinicEngagementSettings, engagementJoin, type EngagementColumns, reachedThreshold } from './engagement.sql';

export interface PartnerEngagementRow extends EngagementColumns {
  client_id: string;
  name: string;
  position: 1 | 2;
  gentle_reminders: boolean;
  needs_check_in: boolean;
}

/** The engagement feature's SQL: a couple's partners, each with their engagement, in one statement. */
@Injectable()
export class EngagementRepository {
  /**
   * Both partners of a couple the user may see (a therapist their own, an admin the clinic's),
   * partner 1 first; no rows when the couple is not theirs to see.
   */
  ofCouple(manager: EntityManager, user: SessionUser, coupleId: string): Promise<PartnerEngagementRow[]> {
    const settings = clinicEngagementSettings('k');
    return manager.query(
      `SELECT cl.id AS client_id, cl.name, cl.position, eg.*,
              ${reachedThreshold('eg.missed_in_a_row', settings.gentleAfter)} AS gentle_reminders,
              ${reachedThreshold('eg.missed_in_a_row', settings.taskAfter)} AS needs_check_in
       FROM couple c JOIN clinic k ON k.id = c.clinic_id JOIN client cl ON cl.couple_id = c.id
       ${engagementJoin('cl.id')}
       WHERE c.id = $1 AND c.clinic_id = $2 AND ($3::text = 'admin' OR c.therapist_id = $4)
       ORDER BY cl.position`,
      [coupleId, user.clinicId, user.role, user.id],
    );
  }
}
