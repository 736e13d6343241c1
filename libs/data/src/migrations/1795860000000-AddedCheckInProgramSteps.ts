import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A program step may be a check-in (issue 19, item 2): it names a measure, and opening it sends each
 * partner that measure's check-in once. The step's kind and its columns agree, as for exercise
 * steps: a check-in step names a measure and no exercise, any other step no measure. The check-in
 * rows it creates are the same `check_in` rows a schedule creates (same link, email and submit),
 * but belong to the step instead of a schedule: exactly one of the two, and one per step and
 * partner, so a job that runs twice sends once.
 */
export class AddedCheckInProgramSteps1795860000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE couple_program_step DROP CONSTRAINT couple_program_step_kind_check`);
    await q.query(
      `ALTER TABLE couple_program_step ADD CONSTRAINT couple_program_step_kind_check
         CHECK (kind IN ('exercise', 'discuss', 'check_in'))`,
    );
    await q.query(`ALTER TABLE couple_program_step ADD COLUMN measure_id uuid REFERENCES measure(id)`);
    await q.query(
      `ALTER TABLE couple_program_step ADD CONSTRAINT couple_program_step_measure_check
         CHECK ((kind = 'check_in') = (measure_id IS NOT NULL))`,
    );
    await q.query(
      `CREATE INDEX couple_program_step_measure_idx ON couple_program_step (measure_id) WHERE measure_id IS NOT NULL`,
    );

    await q.query(`ALTER TABLE check_in ALTER COLUMN schedule_id DROP NOT NULL`);
    await q.query(
      `ALTER TABLE check_in ADD COLUMN program_step_id uuid REFERENCES couple_program_step(id) ON DELETE CASCADE`,
    );
    await q.query(
      `ALTER TABLE check_in ADD CONSTRAINT check_in_source_check
         CHECK ((schedule_id IS NULL) <> (program_step_id IS NULL))`,
    );
    await q.query(
      `CREATE UNIQUE INDEX check_in_program_step_client_idx ON check_in (program_step_id, client_id)
         WHERE program_step_id IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM check_in WHERE program_step_id IS NOT NULL`);
    await q.query(`DROP INDEX check_in_program_step_client_idx`);
    await q.query(`ALTER TABLE check_in DROP CONSTRAINT check_in_source_check`);
    await q.query(`ALTER TABLE check_in DROP COLUMN program_step_id`);
    await q.query(`ALTER TABLE check_in ALTER COLUMN schedule_id SET NOT NULL`);
    await q.query(`DELETE FROM couple_program_step WHERE kind = 'check_in'`);
    await q.query(`ALTER TABLE couple_program_step DROP CONSTRAINT couple_program_step_measure_check`);
    await q.query(`ALTER TABLE couple_program_step DROP COLUMN measure_id`);
    await q.query(`ALTER TABLE couple_program_step DROP CONSTRAINT couple_program_step_kind_check`);
    await q.query(
      `ALTER TABLE couple_program_step ADD CONSTRAINT couple_program_step_kind_check
         CHECK (kind IN ('exercise', 'discuss'))`,
    );
  }
}
