import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Homework "due before the next session": the session it is due before and by how many hours, so
 * moving that session moves the due date (and its reminders) with it. Both or neither; a due date
 * the therapist sets by hand unlinks it.
 */
export class LinkedHomeworkDueDatesToSessions1795810100000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE assignment
        ADD COLUMN due_session_id uuid REFERENCES session(id),
        ADD COLUMN due_hours_before_session integer,
        ADD CONSTRAINT assignment_due_before_session_both
          CHECK ((due_session_id IS NULL) = (due_hours_before_session IS NULL)),
        ADD CONSTRAINT assignment_due_hours_before_session_range
          CHECK (due_hours_before_session IS NULL OR due_hours_before_session BETWEEN 0 AND 336)`);
    await q.query(
      `CREATE INDEX assignment_due_session_idx ON assignment (due_session_id) WHERE due_session_id IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE assignment DROP COLUMN due_session_id, DROP COLUMN due_hours_before_session`);
  }
}
