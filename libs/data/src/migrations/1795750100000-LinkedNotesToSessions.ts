import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A note is written for a session (or, when it is about no one session, for the couple). A session
 * has at most one note; its addenda stay attached to the note, not the session.
 */
export class LinkedNotesToSessions1795750100000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE session_note ADD COLUMN session_id uuid REFERENCES session(id)`);
    await q.query(
      `CREATE UNIQUE INDEX session_note_one_per_session ON session_note (session_id) WHERE session_id IS NOT NULL AND addendum_to IS NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE session_note DROP COLUMN session_id`);
  }
}
