import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When the therapist revokes or resends a partner's link, every homework session already opened
 * with it must end: a session opened before this time is refused on its next request.
 */
export class AddedHomeworkSessionsValidAfter1795650100000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE homework_response ADD COLUMN sessions_valid_after timestamptz`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE homework_response DROP COLUMN sessions_valid_after`);
  }
}
