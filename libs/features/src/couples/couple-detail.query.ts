import type { EntityManager } from 'typeorm';
import type { CoupleView, SessionUser } from '@trellis/contracts';
import { type SafetyConcernColumns, safetyConcernColumnsSql, safetyConcernOf } from '../safety/safety-concern.sql';

export interface CoupleDetailRow extends SafetyConcernColumns {
  id: string;
  display_name: string;
  therapist_id: string;
  therapist_name: string;
  status: CoupleView['status'];
  next_session_at: Date | null;
  last_activity_at: Date;
  created_at: Date;
  phase: CoupleView['phase'];
  partners: CoupleView['partners'];
}

/**
 * One couple with its partners and therapist's name, in one statement (the couple page opens with
 * it, and the benchmark runs this same SQL raw). Tenancy is in the WHERE clause: another clinic's
 * couple, or another therapist's unless the reader is an admin, is simply not found.
 */
export function buildCoupleDetailSql(
  user: Pick<SessionUser, 'id' | 'role' | 'clinicId'>,
  coupleId: string,
): { sql: string; params: unknown[] } {
  return {
    sql: `SELECT c.id, c.display_name, c.therapist_id, t.name AS therapist_name, c.status, c.next_session_at, c.last_activity_at, c.created_at, c.phase,
            (SELECT coalesce(json_agg(json_build_object('id', p.id, 'position', p.position, 'name', p.name, 'email', p.email,
                                                        'timezone', p.timezone, 'emailConsent', p.email_consent, 'role', p.role)
                                          ORDER BY p.position), '[]')
             FROM client p WHERE p.couple_id = c.id) AS partners,
            ${safetyConcernColumnsSql('c')}
          FROM couple c JOIN staff_user t ON t.id = c.therapist_id
          WHERE c.id = $1 AND c.clinic_id = $2 AND ($3::uuid IS NULL OR c.therapist_id = $3::uuid)`,
    params: [coupleId, user.clinicId, user.role === 'admin' ? null : user.id],
  };
}

export function toCoupleView(row: CoupleDetailRow): CoupleView {
  return {
    id: row.id,
    displayName: row.display_name,
    therapistId: row.therapist_id,
    therapistName: row.therapist_name,
    status: row.status,
    nextSessionAt: row.next_session_at?.toISOString() ?? null,
    lastActivityAt: row.last_activity_at.toISOString(),
    createdAt: row.created_at.toISOString(),
    phase: row.phase,
    safetyConcern: safetyConcernOf(row),
    partners: row.partners,
  };
}

export async function queryCoupleDetail(
  manager: EntityManager,
  user: SessionUser,
  coupleId: string,
): Promise<CoupleView | null> {
  const { sql, params } = buildCoupleDetailSql(user, coupleId);
  const [row]: CoupleDetailRow[] = await manager.query(sql, params);
  return row ? toCoupleView(row) : null;
}
