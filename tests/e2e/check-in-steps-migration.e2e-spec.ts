import { DataSource, IsNull } from 'typeorm';
import { Measure } from '@trellis/data';
import { TRUST_AND_CONNECTION_CHECK_IN } from '@trellis/domain';
import { AddedCheckInProgramSteps1795860000000 } from '../../libs/data/src/migrations/1795860000000-AddedCheckInProgramSteps';
import { createClinic, createCouple, createStaff } from '../support/factories';
import { connectTestDatabase } from '../support/test-database';

/**
 * The check-in steps migration rolled back and forward again on this file's own copy of the
 * database (a scratch database: no other file sees it). Rolling back removes only what cannot
 * exist without it (check-in steps and the check-ins they sent); every other step, every
 * scheduled check-in and every answer stays, and migrating up again takes check-in steps anew.
 */
describe('migration 1795860000000 (check-in program steps): down, then up', () => {
  let db: DataSource;
  beforeAll(async () => {
    db = await connectTestDatabase();
  });
  afterAll(async () => {
    await db.destroy();
  });

  const one = async <T>(sql: string, params: unknown[] = []): Promise<T> => ((await db.query(sql, params)) as T[])[0];

  it('keeps other steps, scheduled check-ins and answers; drops check-in steps; takes them again after up', async () => {
    const clinic = await createClinic(db);
    const therapist = await createStaff(db, clinic);
    const { couple, partners } = await createCouple(db, clinic, therapist);
    const measure = await db
      .getRepository(Measure)
      .findOneByOrFail({ key: TRUST_AND_CONNECTION_CHECK_IN.key, clinicId: IsNull() });
    const version = await one<{ id: string }>(`SELECT id FROM measure_version WHERE measure_id = $1 AND version = $2`, [
      measure.id,
      measure.currentVersion,
    ]);

    const program = await one<{ id: string }>(
      `INSERT INTO program (clinic_id, title, steps, created_by) VALUES ($1, 'Path', '[]', $2) RETURNING id`,
      [clinic.id, therapist.id],
    );
    const enrolment = await one<{ id: string }>(
      `INSERT INTO couple_program (clinic_id, couple_id, program_id, title, enrolled_by)
       VALUES ($1, $2, $3, 'Path', $4) RETURNING id`,
      [clinic.id, couple.id, program.id, therapist.id],
    );
    const step = (position: number, kind: string, status: string, measureId: string | null) =>
      one<{ id: string }>(
        `INSERT INTO couple_program_step (clinic_id, couple_program_id, position, title, kind, measure_id,
                                          opens_when, due_in_days, status)
         VALUES ($1, $2, $3, $4, $5, $6, 'both_submitted', 7, $7) RETURNING id`,
        [clinic.id, enrolment.id, position, `Step ${position}`, kind, measureId, status],
      );
    const talked = await step(0, 'discuss', 'done', null);
    const checkInStep = await step(1, 'check_in', 'open', measure.id);
    const later = await step(2, 'discuss', 'pending', null);

    // A scheduled check-in, answered, and a program step's check-in, answered too.
    const schedule = await one<{ id: string }>(
      `INSERT INTO check_in_schedule (clinic_id, couple_id, measure_id, kind, weekday, local_time, created_by)
       VALUES ($1, $2, $3, 'weekly', 1, '09:00', $4) RETURNING id`,
      [clinic.id, couple.id, measure.id, therapist.id],
    );
    const answer = (occurrence: string) =>
      one<{ id: string }>(
        `INSERT INTO measure_response (clinic_id, couple_id, client_id, measure_id, measure_version_id, occurrence,
                                       answers, item_scores, score, prorated)
         VALUES ($1, $2, $3, $4, $5, $6, '{}', '{}', 5, false) RETURNING id`,
        [clinic.id, couple.id, partners[0].id, measure.id, version.id, occurrence],
      );
    const scheduledAnswer = await answer('2026-w40');
    const stepAnswer = await answer(`program-step-${checkInStep.id}`);
    const scheduled = await one<{ id: string }>(
      `INSERT INTO check_in (clinic_id, couple_id, client_id, schedule_id, measure_version_id, occurrence,
                             submitted_at, measure_response_id)
       VALUES ($1, $2, $3, $4, $5, '2026-w40', now(), $6) RETURNING id`,
      [clinic.id, couple.id, partners[0].id, schedule.id, version.id, scheduledAnswer.id],
    );
    await db.query(
      `INSERT INTO check_in (clinic_id, couple_id, client_id, program_step_id, measure_version_id, occurrence,
                             submitted_at, measure_response_id)
       VALUES ($1, $2, $3, $4, $5, $6, now(), $7)`,
      [
        clinic.id,
        couple.id,
        partners[0].id,
        checkInStep.id,
        version.id,
        `program-step-${checkInStep.id}`,
        stepAnswer.id,
      ],
    );

    const migration = new AddedCheckInProgramSteps1795860000000();
    const runner = db.createQueryRunner();
    try {
      await migration.down(runner);

      // Rolled back: check-in steps and their check-ins are gone, and could not be made again.
      const steps: { id: string; kind: string; status: string }[] = await db.query(
        `SELECT id, kind, status FROM couple_program_step WHERE couple_program_id = $1 ORDER BY position`,
        [enrolment.id],
      );
      expect(steps).toEqual([
        { id: talked.id, kind: 'discuss', status: 'done' },
        { id: later.id, kind: 'discuss', status: 'pending' },
      ]);
      const checkIns: { id: string; schedule_id: string; measure_response_id: string }[] = await db.query(
        `SELECT id, schedule_id, measure_response_id FROM check_in WHERE couple_id = $1`,
        [couple.id],
      );
      expect(checkIns).toEqual([
        { id: scheduled.id, schedule_id: schedule.id, measure_response_id: scheduledAnswer.id },
      ]);
      // Every answer stays, the step's too (the partner gave it; only the link to the step went).
      const answers: { id: string }[] = await db.query(
        `SELECT id FROM measure_response WHERE couple_id = $1 ORDER BY occurrence`,
        [couple.id],
      );
      expect(answers.map((a) => a.id).sort()).toEqual([scheduledAnswer.id, stepAnswer.id].sort());
      await expect(
        db.query(
          `INSERT INTO couple_program_step (clinic_id, couple_program_id, position, title, kind, opens_when, due_in_days)
           VALUES ($1, $2, 3, 'Check in', 'check_in', 'both_submitted', 7)`,
          [clinic.id, enrolment.id],
        ),
      ).rejects.toThrow(/couple_program_step_kind_check/);
      await expect(
        db.query(
          `INSERT INTO check_in (clinic_id, couple_id, client_id, measure_version_id, occurrence)
           VALUES ($1, $2, $3, $4, 'orphan')`,
          [clinic.id, couple.id, partners[1].id, version.id],
        ),
      ).rejects.toThrow(/schedule_id/);

      await migration.up(runner);
    } finally {
      await runner.release();
    }

    // Up again: what was kept is untouched, and a check-in step (with its check-in) can be made again.
    expect(
      await db.query(`SELECT id, measure_id FROM couple_program_step WHERE couple_program_id = $1`, [enrolment.id]),
    ).toEqual(
      expect.arrayContaining([
        { id: talked.id, measure_id: null },
        { id: later.id, measure_id: null },
      ]),
    );
    expect(
      await one(`SELECT schedule_id, program_step_id, occurrence, measure_response_id FROM check_in WHERE id = $1`, [
        scheduled.id,
      ]),
    ).toEqual({
      schedule_id: schedule.id,
      program_step_id: null,
      occurrence: '2026-w40',
      measure_response_id: scheduledAnswer.id,
    });
    const again = await step(3, 'check_in', 'pending', measure.id);
    await db.query(
      `INSERT INTO check_in (clinic_id, couple_id, client_id, program_step_id, measure_version_id, occurrence)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [clinic.id, couple.id, partners[1].id, again.id, version.id, `program-step-${again.id}`],
    );
    // The constraints came back with it.
    await expect(step(4, 'check_in', 'pending', null)).rejects.toThrow(/couple_program_step_measure_check/);
    await expect(
      db.query(
        `INSERT INTO check_in (clinic_id, couple_id, client_id, schedule_id, program_step_id, measure_version_id, occurrence)
         VALUES ($1, $2, $3, $4, $5, $6, 'both')`,
        [clinic.id, couple.id, partners[1].id, schedule.id, again.id, version.id],
      ),
    ).rejects.toThrow(/check_in_source_check/);
  });
});
