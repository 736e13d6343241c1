import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The exercise library knows the phase of recovery each exercise belongs to and whether it could be
 * turned into a tool of control; a couple has the phase its therapist says it is in, and each
 * partner the role the therapist recorded (hurt, broke trust, both, not set; therapist-only).
 * A clinic copy remembers the version of the exercise it was made from, so a newer built-in can be
 * offered to it rather than changed under it. Copies made before remember nothing (null): the
 * built-ins were all at version 1 until this release, so they are backfilled as copies of version 1.
 */
export class AddedPhasesAndPartnerRoles1795740000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    const phases = `('crisis_and_impact', 'understanding', 'rebuilding', 'moving_on')`;
    await queryRunner.query(`ALTER TABLE exercise ADD COLUMN phase text NULL CHECK (phase IN ${phases})`);
    await queryRunner.query(`ALTER TABLE exercise ADD COLUMN coercion_sensitive boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`ALTER TABLE exercise ADD COLUMN based_on_version int NULL`);
    await queryRunner.query(
      `UPDATE exercise c SET based_on_version = s.version
         FROM exercise s WHERE c.based_on_id = s.id AND s.clinic_id IS NOT NULL`,
    );
    await queryRunner.query(
      `UPDATE exercise c SET based_on_version = 1
         FROM exercise s WHERE c.based_on_id = s.id AND s.clinic_id IS NULL`,
    );
    await queryRunner.query(`ALTER TABLE couple ADD COLUMN phase text NULL CHECK (phase IN ${phases})`);
    await queryRunner.query(
      `ALTER TABLE client ADD COLUMN role text NOT NULL DEFAULT 'not_set'
         CHECK (role IN ('hurt', 'broke_trust', 'both', 'not_set'))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE client DROP COLUMN role`);
    await queryRunner.query(`ALTER TABLE couple DROP COLUMN phase`);
    await queryRunner.query(`ALTER TABLE exercise DROP COLUMN based_on_version`);
    await queryRunner.query(`ALTER TABLE exercise DROP COLUMN coercion_sensitive`);
    await queryRunner.query(`ALTER TABLE exercise DROP COLUMN phase`);
  }
}
