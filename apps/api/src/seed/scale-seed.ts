import { DataSource } from 'typeorm';
import { BUILT_IN_EXERCISES } from '@trellis/domain';
import { hashPassword } from '@trellis/features';

export const SCALE_CLINIC_ID = '00000000-0000-4000-8000-00000000000a';
export const SCALE_PASSWORD = 'trellis-scale-2026';

/**
 * A large, realistic, deterministic clinic for benchmarks: N couples over N/50 therapists, 4
 * assignments per couple in mixed states, their responses, signed notes and audit rows. Built
 * with INSERT … SELECT over generate_series (no per-row round trips): 10,000 couples take seconds.
 * Idempotent: the clinic is rebuilt from scratch each time.
 */
export async function seedScaleClinic(
  db: DataSource,
  couples: number,
  { clinicId = SCALE_CLINIC_ID, tag = 'scale' }: { clinicId?: string; tag?: string } = {},
): Promise<{ therapists: number; elapsedMs: number }> {
  const started = Date.now();
  const therapists = Math.max(1, Math.ceil(couples / 50));
  const passwordHash = await hashPassword(SCALE_PASSWORD);
  const exercise = BUILT_IN_EXERCISES[0];
  await db.transaction(async (m) => {
    const c = clinicId;
    // Remove a previous run (children first; the audit trail is append-only, so it is kept).
    await m.query(`DELETE FROM homework_response WHERE clinic_id = $1`, [c]);
    await m.query(`DELETE FROM session_note WHERE clinic_id = $1 AND addendum_to IS NOT NULL`, [c]);
    await m.query(`ALTER TABLE session_note DISABLE TRIGGER session_note_signed_final`);
    await m.query(`DELETE FROM session_note WHERE clinic_id = $1`, [c]);
    await m.query(`ALTER TABLE session_note ENABLE TRIGGER session_note_signed_final`);
    await m.query(`DELETE FROM assignment WHERE clinic_id = $1`, [c]);
    await m.query(`DELETE FROM digest WHERE clinic_id = $1`, [c]);
    await m.query(`DELETE FROM client WHERE clinic_id = $1`, [c]);
    await m.query(`DELETE FROM couple WHERE clinic_id = $1`, [c]);
    await m.query(`DELETE FROM email_delivery WHERE clinic_id = $1`, [c]);
    await m.query(
      `INSERT INTO clinic (id, name, timezone) VALUES ($1, 'Scale Test Clinic', 'Europe/London') ON CONFLICT (id) DO NOTHING`,
      [c],
    );
    await m.query(
      `INSERT INTO staff_user (clinic_id, email, name, role, status, password_hash)
       SELECT $1, 'therapist' || g || '@' || $4 || '.trellis.test', 'Therapist ' || g, 'therapist', 'active', $2
       FROM generate_series(1, $3) g
       ON CONFLICT (clinic_id, email) DO UPDATE SET password_hash = EXCLUDED.password_hash, status = 'active'`,
      [c, passwordHash, therapists, tag],
    );
    await m.query(
      `INSERT INTO couple (id, clinic_id, display_name, therapist_id, status, next_session_at, last_activity_at)
       SELECT md5($4 || 'couple' || g)::uuid, $1, 'Couple ' || g,
              (SELECT id FROM staff_user WHERE email = 'therapist' || (1 + (g - 1) % $3) || '@' || $4 || '.trellis.test'),
              CASE WHEN g % 10 = 0 THEN 'discharged' WHEN g % 7 = 0 THEN 'paused' ELSE 'active' END,
              now() + ((g % 14) || ' days')::interval + ((g % 9) || ' hours')::interval,
              now() - ((g % 30) || ' days')::interval
       FROM generate_series(1, $2) g`,
      [c, couples, therapists, tag],
    );
    await m.query(
      `INSERT INTO client (clinic_id, couple_id, position, name, email, timezone, email_consent)
       SELECT $1, md5($3 || 'couple' || g)::uuid, p, (ARRAY['Alex','Sam','Jordan','Riley','Casey','Drew','Morgan','Quinn'])[1 + (g + p) % 8] || ' ' || g,
              'partner' || g || '-' || p || '@' || $3 || '.trellis.test', 'Europe/London', true
       FROM generate_series(1, $2) g, generate_series(1, 2) p`,
      [c, couples, tag],
    );
    const ex: { id: string }[] = await m.query(`SELECT id FROM exercise WHERE key = $1 AND clinic_id IS NULL`, [
      exercise.key,
    ]);
    await m.query(
      `INSERT INTO assignment (id, clinic_id, couple_id, exercise_id, exercise_version, title, strategy, purpose, instructions, prompts, due_at, assigned_by, reviewed_at, created_at)
       SELECT md5($10 || 'assignment' || g || '-' || k)::uuid, $1, md5($10 || 'couple' || g)::uuid, $2, $3, $4, $5, $6, $7, $8::jsonb,
              now() + (((k * 5) - 12) || ' days')::interval,
              (SELECT therapist_id FROM couple WHERE id = md5($10 || 'couple' || g)::uuid),
              CASE WHEN k = 1 THEN now() - interval '1 day' END,
              now() - ((20 - k * 4) || ' days')::interval
       FROM generate_series(1, $9) g, generate_series(1, 4) k`,
      [
        c,
        ex[0].id,
        exercise.version,
        exercise.title,
        exercise.strategy,
        exercise.purpose,
        exercise.instructions,
        JSON.stringify(exercise.prompts),
        couples,
        tag,
      ],
    );
    // Responses: older homework submitted by both, the newest partly, the rest open.
    await m.query(
      `INSERT INTO homework_response (clinic_id, assignment_id, client_id, answers, started_at, submitted_at)
       SELECT $1, a.id, cl.id, '{}'::jsonb,
              CASE WHEN k <= 3 THEN a.created_at + interval '1 day' END,
              CASE WHEN k <= 2 OR (k = 3 AND cl.position = 1) THEN a.created_at + interval '2 days' END
       FROM generate_series(1, $2) g CROSS JOIN generate_series(1, 4) k
       JOIN assignment a ON a.id = md5($3 || 'assignment' || g || '-' || k)::uuid
       JOIN client cl ON cl.couple_id = a.couple_id`,
      [c, couples, tag],
    );
    await m.query(
      `INSERT INTO session_note (clinic_id, couple_id, author_id, format, sections, session_date, signed_at)
       SELECT $1, cp.id, cp.therapist_id, 'soap', '{"subjective":"","objective":"","assessment":"","plan":""}'::jsonb, current_date - 7, now() - interval '7 days'
       FROM couple cp WHERE cp.clinic_id = $1`,
      [c],
    );
    await m.query(
      `INSERT INTO audit_event (clinic_id, actor_type, actor_id, action, record_type, record_id, outcome)
       SELECT $1, 'staff', cp.therapist_id::text, 'couple.view', 'couple', cp.id::text, 'success'
       FROM couple cp, generate_series(1, 3) WHERE cp.clinic_id = $1`,
      [c],
    );
  });
  await db.query('ANALYZE');
  return { therapists, elapsedMs: Date.now() - started };
}
