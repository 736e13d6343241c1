import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddedSessionsValidAfterToStaff1795645438836 implements MigrationInterface {
  name = 'AddedSessionsValidAfterToStaff1795645438836';

  async up(q: QueryRunner): Promise<void> {
    // Sessions that began before this moment are refused: a password reset ends every other
    // session at once without having to find them in Redis.
    await q.query(`ALTER TABLE staff_user ADD COLUMN sessions_valid_after timestamptz`);
    await q.query(
      `CREATE INDEX auth_token_open_idx ON auth_token (staff_user_id) WHERE used_at IS NULL AND revoked_at IS NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX auth_token_open_idx`);
    await q.query(`ALTER TABLE staff_user DROP COLUMN sessions_valid_after`);
  }
}
