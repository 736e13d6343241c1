import { DataSource } from 'typeorm';
import { Clinic, StaffUser } from '@trellis/data';
import type { StaffRole } from '@trellis/contracts';
import { BUILT_IN_EXERCISES } from '@trellis/domain';
import { hashPassword } from '@trellis/features';
import { seedDemoCheckIns, seedDemoCheckInSchedules } from './demo-check-ins.seed';
import { seedDemoSessions } from './demo-sessions.seed';

/** Fixed id so every run finds (and refreshes) the same demo clinic instead of adding another. */
export const DEMO_CLINIC_ID = '00000000-0000-4000-8000-000000000001';

export const DEMO_PASSWORD = 'trellis-demo-2026';

export const DEMO_STAFF: { email: string; name: string; role: StaffRole }[] = [
  { email: 'admin@demo.trellis.test', name: 'Morgan Avery', role: 'admin' },
  { email: 'dana@demo.trellis.test', name: 'Dana Reyes', role: 'therapist' },
  { email: 'sam@demo.trellis.test', name: 'Sam Okafor', role: 'therapist' },
];

/** Idempotent: the same clinic and people every run; passwords are reset to the demo password. */
export async function seedDemoClinic(dataSource: DataSource): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await dataSource.transaction(async (manager) => {
    await manager.upsert(
      Clinic,
      { id: DEMO_CLINIC_ID, name: 'Riverside Couples Counselling (demo)', timezone: 'Europe/London' },
      ['id'],
    );
    for (const person of DEMO_STAFF) {
      await manager.upsert(
        StaffUser,
        {
          clinicId: DEMO_CLINIC_ID,
          email: person.email,
          name: person.name,
          role: person.role,
          status: 'active',
          passwordHash,
        },
        // The clinic's own person with this address (an address is unique within a clinic).
        ['clinicId', 'email'],
      );
    }
  });
  await seedDemoCouples(dataSource);
}

const DEMO_COUPLES = [
  {
    id: '00000000-0000-4000-8000-0000000000c1',
    name: 'Alex & Sam Morgan',
    partners: ['Alex Morgan', 'Sam Morgan'],
    sessionInDays: 1,
  },
  {
    id: '00000000-0000-4000-8000-0000000000c2',
    name: 'Priya & Jordan Shah',
    partners: ['Priya Shah', 'Jordan Shah'],
    sessionInDays: 6,
  },
  {
    id: '00000000-0000-4000-8000-0000000000c3',
    name: 'Casey & Drew Lee',
    partners: ['Casey Lee', 'Drew Lee'],
    sessionInDays: 12,
  },
];

/**
 * A few couples for Dana, one with homework both partners have answered, so a newcomer sees the
 * caseload, the review page and the home dashboard with something in them. Fixed ids: idempotent.
 */
export async function seedDemoCouples(dataSource: DataSource): Promise<void> {
  await dataSource.transaction(async (m) => {
    const [dana] = await m.query(`SELECT id FROM staff_user WHERE email = $1`, [DEMO_STAFF[1].email]);
    for (const couple of DEMO_COUPLES) {
      await m.query(
        `INSERT INTO couple (id, clinic_id, display_name, therapist_id, status)
         VALUES ($1, $2, $3, $4, 'active')
         ON CONFLICT (id) DO NOTHING`,
        [couple.id, DEMO_CLINIC_ID, couple.name, dana.id],
      );
      for (const [i, name] of couple.partners.entries()) {
        await m.query(
          `INSERT INTO client (clinic_id, couple_id, position, name, email, timezone, email_consent)
           VALUES ($1, $2, $3, $4, $5, 'Europe/London', true) ON CONFLICT (couple_id, position) DO NOTHING`,
          [DEMO_CLINIC_ID, couple.id, i + 1, name, `${name.split(' ')[0].toLowerCase()}@demo-client.trellis.test`],
        );
      }
    }
    // A weekly schedule, past and future; next_session_at is derived from it.
    await seedDemoSessions(m, DEMO_CLINIC_ID, dana.id, DEMO_COUPLES);
    await seedDemoCheckIns(m, DEMO_CLINIC_ID);
    await seedDemoCheckInSchedules(m, DEMO_CLINIC_ID, dana.id);
    const exercise = BUILT_IN_EXERCISES[0];
    const [row] = await m.query(`SELECT id FROM exercise WHERE key = $1 AND clinic_id IS NULL`, [exercise.key]);
    if (!row) return; // built-ins are synced by migrate; the demo homework waits for them
    const assignmentId = '00000000-0000-4000-8000-0000000000a1';
    const inserted = await m.query(
      `INSERT INTO assignment (id, clinic_id, couple_id, exercise_id, exercise_version, title, strategy, purpose, instructions, prompts, due_at, message, share_answers_after_both, assigned_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb, now() - interval '1 day', 'Take your time with this one.', true, $11)
       ON CONFLICT (id) DO NOTHING RETURNING id`,
      [
        assignmentId,
        DEMO_CLINIC_ID,
        DEMO_COUPLES[0].id,
        row.id,
        exercise.version,
        exercise.title,
        exercise.strategy,
        exercise.purpose,
        exercise.instructions,
        JSON.stringify(exercise.prompts),
        dana.id,
      ],
    );
    if (!inserted.length) return;
    const answers = Object.fromEntries(
      exercise.prompts.map((p) => [
        p.id,
        p.kind === 'scale'
          ? p.min + 6
          : p.kind === 'long_text'
            ? 'We talked on Sunday evening without phones. It felt calmer than last week.'
            : p.kind === 'single_choice'
              ? p.options[0].id
              : [p.options[0].id],
      ]),
    );
    await m.query(
      `INSERT INTO homework_response (clinic_id, assignment_id, client_id, answers, started_at, last_saved_at, submitted_at)
       SELECT $1, $2, c.id, $3::jsonb, now() - interval '2 days', now() - interval '2 days', now() - interval '2 days'
       FROM client c WHERE c.couple_id = $4`,
      [DEMO_CLINIC_ID, assignmentId, JSON.stringify(answers), DEMO_COUPLES[0].id],
    );
  });
}
