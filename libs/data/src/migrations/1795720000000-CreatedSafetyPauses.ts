import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 18, items 2 and 3. A partner may say a joint exercise does not feel safe, or answer the
 * private safety check-in in a way that needs the counselor: each such moment is a `safety_flag`,
 * and the first one opens the couple's `safety_pause` (at most one open per couple, which is what
 * makes the therapist's alert go out once however often partners flag). While it is open, answers
 * stop being shared and no new joint homework is assigned; the therapist lifts it with a note.
 *
 * The check-in itself is homework of a kind the library never lists (`kind`), sent by the
 * check-in job on the clinic's interval (null: none, the default until an admin chooses one).
 */
export class CreatedSafetyPauses1795720000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE exercise ADD COLUMN kind text NOT NULL DEFAULT 'homework' CHECK (kind IN ('homework', 'safety_check_in'))`,
    );
    await queryRunner.query(
      `ALTER TABLE assignment ADD COLUMN kind text NOT NULL DEFAULT 'homework' CHECK (kind IN ('homework', 'safety_check_in'))`,
    );
    // The check-in job's question: when did this couple last get a check-in?
    await queryRunner.query(
      `CREATE INDEX assignment_safety_check_in_idx ON assignment (couple_id, created_at) WHERE kind = 'safety_check_in'`,
    );
    await queryRunner.query(
      `ALTER TABLE clinic ADD COLUMN safety_check_in_interval_days int CHECK (safety_check_in_interval_days BETWEEN 7 AND 180)`,
    );
    await queryRunner.query(`
      CREATE TABLE safety_pause (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        clinic_id uuid NOT NULL REFERENCES clinic(id),
        couple_id uuid NOT NULL REFERENCES couple(id),
        raised_at timestamptz NOT NULL DEFAULT now(),
        lifted_at timestamptz,
        lifted_by uuid REFERENCES staff_user(id),
        lift_note text CHECK (length(lift_note) BETWEEN 1 AND 4000),
        CHECK ((lifted_at IS NULL) = (lifted_by IS NULL) AND (lifted_at IS NULL) = (lift_note IS NULL))
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX safety_pause_open_idx ON safety_pause (couple_id) WHERE lifted_at IS NULL`,
    );
    await queryRunner.query(`CREATE INDEX safety_pause_couple_idx ON safety_pause (couple_id, raised_at)`);
    await queryRunner.query(
      `CREATE INDEX safety_pause_clinic_open_idx ON safety_pause (clinic_id) WHERE lifted_at IS NULL`,
    );
    await queryRunner.query(`CREATE INDEX safety_pause_lifted_by_idx ON safety_pause (lifted_by)`);
    await queryRunner.query(`
      CREATE TABLE safety_flag (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        clinic_id uuid NOT NULL REFERENCES clinic(id),
        pause_id uuid NOT NULL REFERENCES safety_pause(id),
        client_id uuid NOT NULL REFERENCES client(id),
        response_id uuid NOT NULL REFERENCES homework_response(id),
        source text NOT NULL CHECK (source IN ('partner_flag', 'check_in')),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX safety_flag_pause_idx ON safety_flag (pause_id, created_at)`);
    await queryRunner.query(`CREATE INDEX safety_flag_clinic_idx ON safety_flag (clinic_id)`);
    await queryRunner.query(`CREATE INDEX safety_flag_client_idx ON safety_flag (client_id)`);
    await queryRunner.query(`CREATE INDEX safety_flag_response_idx ON safety_flag (response_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE safety_flag`);
    await queryRunner.query(`DROP TABLE safety_pause`);
    await queryRunner.query(`ALTER TABLE clinic DROP COLUMN safety_check_in_interval_days`);
    await queryRunner.query(`DROP INDEX assignment_safety_check_in_idx`);
    await queryRunner.query(`ALTER TABLE assignment DROP COLUMN kind`);
    await queryRunner.query(`ALTER TABLE exercise DROP COLUMN kind`);
  }
}
