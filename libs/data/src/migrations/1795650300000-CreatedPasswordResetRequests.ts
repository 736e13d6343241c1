import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A password-reset request is answered before anything is looked up, so the answer takes the same
 * time for every address; the worker then finds the account. The address typed waits here (not in
 * Redis, where job data is clear text) with where the request came from, for the audit row, and the
 * row is deleted when the worker has handled it.
 */
export class CreatedPasswordResetRequests1795650300000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE password_reset_request (
        id uuid PRIMARY KEY,
        email text NOT NULL,
        ip inet,
        user_agent text,
        request_id text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      `CREATE INDEX password_reset_request_created_at_idx ON password_reset_request (created_at)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE password_reset_request`);
  }
}
