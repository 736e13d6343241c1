import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A session's iCalendar SEQUENCE: raised by every move or cancellation, so a partner's calendar
 * app applies the newest invitation, and an invitation queued for an older version is skipped.
 */
export class AddedSequenceToSessions1795810000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE session ADD COLUMN sequence integer NOT NULL DEFAULT 0`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE session DROP COLUMN sequence`);
  }
}
