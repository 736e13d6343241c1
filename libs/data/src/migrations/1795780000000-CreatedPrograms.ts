import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Programs (issue 19, item 2): a path of steps a couple walks together. `program` holds the
 * definitions (built-ins synced from the domain with clinic_id NULL, and each clinic's own);
 * enrolling a couple copies the steps into `couple_program_step`, so editing a program never
 * changes a path already under way. At most one step of an enrolment is open (a partial unique
 * index): two advances racing each other cannot both open one. The homework a step opens points
 * back at it.
 */
export class CreatedPrograms1795780000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE program (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        clinic_id uuid REFERENCES clinic(id),
        key text,
        title text NOT NULL CHECK (char_length(title) BETWEEN 1 AND 120),
        description text NOT NULL DEFAULT '' CHECK (char_length(description) <= 2000),
        steps jsonb NOT NULL CHECK (jsonb_typeof(steps) = 'array'),
        created_by uuid REFERENCES staff_user(id),
        archived_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((clinic_id IS NULL) = (key IS NOT NULL))
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX program_built_in_key_idx ON program (key) WHERE clinic_id IS NULL`);
    await queryRunner.query(`CREATE INDEX program_clinic_idx ON program (clinic_id, title)`);
    await queryRunner.query(`CREATE INDEX program_created_by_idx ON program (created_by)`);

    await queryRunner.query(`
      CREATE TABLE couple_program (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        clinic_id uuid NOT NULL REFERENCES clinic(id),
        couple_id uuid NOT NULL REFERENCES couple(id),
        program_id uuid NOT NULL REFERENCES program(id),
        title text NOT NULL,
        status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'paused', 'completed', 'stopped')),
        enrolled_by uuid NOT NULL REFERENCES staff_user(id),
        completed_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // One path under way per couple (a finished or stopped one stays in the history).
    await queryRunner.query(
      `CREATE UNIQUE INDEX couple_program_current_idx ON couple_program (couple_id) WHERE status IN ('active', 'paused')`,
    );
    await queryRunner.query(`CREATE INDEX couple_program_couple_idx ON couple_program (couple_id, created_at DESC)`);
    await queryRunner.query(`CREATE INDEX couple_program_clinic_idx ON couple_program (clinic_id)`);
    await queryRunner.query(`CREATE INDEX couple_program_program_idx ON couple_program (program_id)`);
    await queryRunner.query(`CREATE INDEX couple_program_enrolled_by_idx ON couple_program (enrolled_by)`);

    await queryRunner.query(`
      CREATE TABLE couple_program_step (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        clinic_id uuid NOT NULL REFERENCES clinic(id),
        couple_program_id uuid NOT NULL REFERENCES couple_program(id),
        position int NOT NULL CHECK (position >= 0),
        title text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('exercise', 'discuss')),
        exercise_id uuid REFERENCES exercise(id),
        opens_when text NOT NULL CHECK (opens_when IN ('both_submitted', 'reviewed', 'after_sessions')),
        after_sessions int CHECK (after_sessions BETWEEN 1 AND 12),
        due_in_days int NOT NULL CHECK (due_in_days BETWEEN 1 AND 60),
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'open', 'done', 'skipped')),
        assignment_id uuid REFERENCES assignment(id),
        opened_at timestamptz,
        finished_at timestamptz,
        CHECK ((kind = 'exercise') = (exercise_id IS NOT NULL)),
        CONSTRAINT couple_program_step_position_key UNIQUE (couple_program_id, position) DEFERRABLE INITIALLY DEFERRED
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX couple_program_step_one_open_idx ON couple_program_step (couple_program_id) WHERE status = 'open'`,
    );
    await queryRunner.query(`CREATE INDEX couple_program_step_clinic_idx ON couple_program_step (clinic_id)`);
    await queryRunner.query(`CREATE INDEX couple_program_step_exercise_idx ON couple_program_step (exercise_id)`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX couple_program_step_assignment_idx ON couple_program_step (assignment_id)`,
    );

    await queryRunner.query(
      `ALTER TABLE assignment ADD COLUMN program_step_id uuid REFERENCES couple_program_step(id)`,
    );
    await queryRunner.query(
      `CREATE INDEX assignment_program_step_idx ON assignment (program_step_id) WHERE program_step_id IS NOT NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE assignment DROP COLUMN program_step_id`);
    await queryRunner.query(`DROP TABLE couple_program_step`);
    await queryRunner.query(`DROP TABLE couple_program`);
    await queryRunner.query(`DROP TABLE program`);
  }
}
