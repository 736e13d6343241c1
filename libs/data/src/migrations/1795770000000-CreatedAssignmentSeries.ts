import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Recurring homework (issue 19, item 1): a series holds the rule (rhythm, wall-clock due time in
 * the clinic's zone, end by date or count) and how far it has got; each occurrence is an ordinary
 * assignment that names its series and number. The unique (series_id, series_occurrence) is what
 * makes a job that runs twice issue one occurrence.
 */
export class CreatedAssignmentSeries1795770000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE assignment_series (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        clinic_id uuid NOT NULL REFERENCES clinic(id),
        couple_id uuid NOT NULL REFERENCES couple(id),
        exercise_id uuid NOT NULL REFERENCES exercise(id),
        assigned_by uuid NOT NULL REFERENCES staff_user(id),
        rhythm text NOT NULL CHECK (rhythm IN ('weekly', 'fortnightly', 'weekdays')),
        weekdays smallint[] NOT NULL DEFAULT '{}',
        due_time text NOT NULL CHECK (due_time ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
        time_zone text NOT NULL,
        starts_on date NOT NULL,
        ends_on date,
        occurrence_count int CHECK (occurrence_count BETWEEN 1 AND 104),
        message text NOT NULL DEFAULT '',
        share_answers_after_both boolean NOT NULL DEFAULT false,
        status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'stopped', 'ended')),
        stopped_reason text CHECK (stopped_reason IN ('therapist', 'couple_paused', 'couple_discharged')),
        revision int NOT NULL DEFAULT 1,
        last_occurrence int NOT NULL DEFAULT 0,
        last_occurrence_on date,
        last_due_at timestamptz,
        stopped_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT assignment_series_one_end CHECK ((ends_on IS NULL) <> (occurrence_count IS NULL))
      )`);
    await queryRunner.query(
      `CREATE INDEX assignment_series_couple_idx ON assignment_series (clinic_id, couple_id, created_at)`,
    );
    await queryRunner.query(`ALTER TABLE assignment ADD COLUMN series_id uuid REFERENCES assignment_series(id)`);
    await queryRunner.query(`ALTER TABLE assignment ADD COLUMN series_occurrence int`);
    await queryRunner.query(
      `ALTER TABLE assignment ADD CONSTRAINT assignment_series_numbered
         CHECK ((series_id IS NULL) = (series_occurrence IS NULL))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX assignment_series_occurrence_idx ON assignment (series_id, series_occurrence)
         WHERE series_id IS NOT NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX assignment_series_occurrence_idx`);
    await queryRunner.query(`ALTER TABLE assignment DROP CONSTRAINT assignment_series_numbered`);
    await queryRunner.query(`ALTER TABLE assignment DROP COLUMN series_occurrence`);
    await queryRunner.query(`ALTER TABLE assignment DROP COLUMN series_id`);
    await queryRunner.query(`DROP TABLE assignment_series`);
  }
}
