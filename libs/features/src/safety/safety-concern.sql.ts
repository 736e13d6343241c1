import { type AnsweredCheckIn, openSafetyConcern, type SafetyConcern } from '@trellis/domain';
import { openSafetyPauseSql } from './open-safety-pause.sql';

/**
 * The facts `openSafetyConcern` (libs/domain) decides on, as two columns for couple `c` (a row
 * with `id` and `clinic_id`): whether a pause is open, and each partner's latest submitted safety
 * check-in, its answers with the prompts it was sent with (the built-in check-in or the clinic's
 * screen, at that version: each is judged by its own definition). The rule itself stays in
 * TypeScript (`safetyConcernOf`): SQL only gathers, so there is no twin to keep in step. Lists add
 * these columns to their one statement, so a page of couples stays one statement.
 */
export const safetyConcernColumnsSql = (c: string) => `
  ${openSafetyPauseSql(`${c}.id`)} AS safety_pause_open,
  (SELECT coalesce(json_agg(json_build_object('prompts', latest.prompts, 'answers', latest.answers)), '[]') FROM (
     SELECT DISTINCT ON (sr.client_id) sa.prompts, sr.answers
     FROM assignment sa JOIN homework_response sr ON sr.assignment_id = sa.id
     WHERE sa.couple_id = ${c}.id AND sa.clinic_id = ${c}.clinic_id AND sa.kind = 'safety_check_in'
       AND sr.submitted_at IS NOT NULL
     ORDER BY sr.client_id, sr.submitted_at DESC) latest) AS latest_check_ins`;

export interface SafetyConcernColumns {
  safety_pause_open: boolean;
  latest_check_ins: AnsweredCheckIn[];
}

export function safetyConcernOf(row: SafetyConcernColumns): SafetyConcern | null {
  return openSafetyConcern({ pauseOpen: row.safety_pause_open, latestCheckIns: row.latest_check_ins });
}
