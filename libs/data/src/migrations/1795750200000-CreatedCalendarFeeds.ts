import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A therapist's private calendar feed: a secret URL their calendar app subscribes to. Only the
 * token's hash is stored; a new feed revokes the old one (one live feed per person); feeds expire.
 */
export class CreatedCalendarFeeds1795750200000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE calendar_feed (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        clinic_id uuid NOT NULL REFERENCES clinic(id),
        staff_id uuid NOT NULL REFERENCES staff_user(id),
        token_hash text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz
      )`);
    await q.query(`CREATE UNIQUE INDEX calendar_feed_one_live ON calendar_feed (staff_id) WHERE revoked_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE calendar_feed`);
  }
}
