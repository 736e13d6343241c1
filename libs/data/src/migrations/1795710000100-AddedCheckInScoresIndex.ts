import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The off-track rule (off-track.sql.ts) reads every scored check-in of each couple on the home
 * screen. With this covering index it reads them from the index alone: scored check-ins are only
 * ever inserted, so their pages stay all-visible and the heap is not visited (measured in
 * docs/benchmarks.md, "Off track on the home screen").
 */
export class AddedCheckInScoresIndex1795710000100 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX measure_response_couple_scores_idx ON measure_response (couple_id)
       INCLUDE (measure_id, client_id, occurrence, score, submitted_at, id)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX measure_response_couple_scores_idx`);
  }
}
