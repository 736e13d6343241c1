import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddedForeignKeyIndexes1795649425431 implements MigrationInterface {
  name = 'AddedForeignKeyIndexes1795649425431';

  async up(q: QueryRunner): Promise<void> {
    // PostgreSQL does not index the referencing side of a foreign key: without these, removing a
    // partner or a couple scans every response and digest (re-seeding 10,000 couples took 22 s).
    await q.query(`CREATE INDEX homework_response_client_idx ON homework_response (client_id)`);
    await q.query(`CREATE INDEX digest_couple_idx ON digest (couple_id) WHERE couple_id IS NOT NULL`);
    await q.query(`CREATE INDEX assignment_exercise_idx ON assignment (exercise_id)`);
    // A therapist's caseload sorted by next session or last activity: read in index order within
    // that therapist, instead of walking the whole clinic and filtering (p95 doubled at 10,000 couples).
    await q.query(
      `CREATE INDEX couple_therapist_next_session_idx ON couple (clinic_id, therapist_id, next_session_at)`,
    );
    await q.query(`CREATE INDEX couple_therapist_activity_idx ON couple (clinic_id, therapist_id, last_activity_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX couple_therapist_activity_idx`);
    await q.query(`DROP INDEX couple_therapist_next_session_idx`);
    await q.query(`DROP INDEX assignment_exercise_idx`);
    await q.query(`DROP INDEX digest_couple_idx`);
    await q.query(`DROP INDEX homework_response_client_idx`);
  }
}
