import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 18: a clinic may send a safety screen of its own instead of the built-in check-in.
 *
 * - `clinic.safety_check_in_screen`: which screen the clinic's check-ins send (the built-in one, or
 *   the clinic's own: an `exercise` row of kind `safety_check_in` with the clinic's id).
 * - The built-in check-in's concerning answers move from a table in the code onto its options
 *   (`"concerning": true`), so every check-in is judged by the definition it was sent with. The
 *   check-ins already sent keep a frozen copy of the prompts: the same marks are written into those
 *   copies (and into the built-in's library row, which start-up also syncs), so an answer given
 *   before this release is judged exactly as it was. The table is copied here as it stood, not
 *   imported: a migration never changes with the code.
 */
const CONCERNING_BEFORE: Record<string, string[]> = {
  safe_at_home: ['no', 'unsure'],
  afraid_of_partner: ['sometimes', 'often'],
  frightened_or_hurt: ['yes', 'rather_not_say'],
  joint_exercises_safe: ['no', 'unsure'],
};

/** Each prompt of `column`'s array, with `optionExpression` applied to each option of a single choice. */
const mapOptions = (column: string, optionExpression: string) => `(
  SELECT jsonb_agg(
    CASE WHEN p->>'kind' = 'single_choice' THEN jsonb_set(p, '{options}', (
      SELECT jsonb_agg(${optionExpression} ORDER BY oi) FROM jsonb_array_elements(p->'options') WITH ORDINALITY AS x(o, oi)))
    ELSE p END ORDER BY pi)
  FROM jsonb_array_elements(${column}) WITH ORDINALITY AS y(p, pi))`;

const BUILT_IN_CHECK_IN_ASSIGNMENTS = `kind = 'safety_check_in'
  AND exercise_id IN (SELECT id FROM exercise WHERE clinic_id IS NULL AND kind = 'safety_check_in')`;

export class MarkedConcerningCheckInAnswers1795850000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE clinic ADD COLUMN safety_check_in_screen text NOT NULL DEFAULT 'built_in'
         CHECK (safety_check_in_screen IN ('built_in', 'clinic'))`,
    );
    // A clinic has at most one screen of its own (edited in place; each edit a new version).
    await q.query(
      `CREATE UNIQUE INDEX exercise_clinic_safety_screen ON exercise (clinic_id)
       WHERE kind = 'safety_check_in' AND clinic_id IS NOT NULL`,
    );
    const marks = JSON.stringify(CONCERNING_BEFORE);
    const mark = `CASE WHEN coalesce($1::jsonb -> (p->>'id'), '[]'::jsonb) ? (o->>'id') THEN o || '{"concerning": true}' ELSE o END`;
    await q.query(
      `UPDATE assignment SET prompts = ${mapOptions('prompts', mark)}
       WHERE ${BUILT_IN_CHECK_IN_ASSIGNMENTS} AND jsonb_typeof(prompts) = 'array' AND jsonb_array_length(prompts) > 0`,
      [marks],
    );
    await q.query(
      `UPDATE exercise SET prompts = ${mapOptions('prompts', mark)}
       WHERE clinic_id IS NULL AND kind = 'safety_check_in' AND jsonb_array_length(prompts) > 0`,
      [marks],
    );
  }

  async down(q: QueryRunner): Promise<void> {
    // The code before this release judges by its table, and sends a check-in's prompts to the partner
    // as stored: every mark goes (a clinic screen's too), so no partner is shown which answers alert.
    const unmark = `o - 'concerning'`;
    await q.query(
      `UPDATE assignment SET prompts = ${mapOptions('prompts', unmark)}
       WHERE kind = 'safety_check_in' AND jsonb_array_length(prompts) > 0`,
    );
    await q.query(
      `UPDATE exercise SET prompts = ${mapOptions('prompts', unmark)}
       WHERE kind = 'safety_check_in' AND jsonb_array_length(prompts) > 0`,
    );
    await q.query(`DROP INDEX exercise_clinic_safety_screen`);
    await q.query(`ALTER TABLE clinic DROP COLUMN safety_check_in_screen`);
  }
}
