import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each therapist chooses whether the Monday digest is emailed to them (on by default, as before):
 * until now the only way to stop a weekly schedule was to deactivate the therapist.
 */
export class AddedWeeklyDigestChoiceToStaff1795650400000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE staff_user ADD COLUMN weekly_digest boolean NOT NULL DEFAULT true`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE staff_user DROP COLUMN weekly_digest`);
  }
}
