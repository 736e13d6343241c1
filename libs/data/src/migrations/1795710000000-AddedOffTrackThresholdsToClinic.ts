import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The clinic's off-track thresholds (see offTrackReasons in the domain), in score points of the
 * measure they apply to. The defaults suit the built-in measures: the weekly check-in runs 0–50,
 * the session check-out 0–10; six sessions is the usual point to review a plan that is not working.
 */
export class AddedOffTrackThresholdsToClinic1795710000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE clinic
        ADD COLUMN off_track_recent_drop numeric(8, 2) NOT NULL DEFAULT 5 CHECK (off_track_recent_drop > 0),
        ADD COLUMN off_track_gap_widening numeric(8, 2) NOT NULL DEFAULT 6 CHECK (off_track_gap_widening > 0),
        ADD COLUMN off_track_low_check_out numeric(8, 2) NOT NULL DEFAULT 7,
        ADD COLUMN off_track_sessions_without_improvement int NOT NULL DEFAULT 6
          CHECK (off_track_sessions_without_improvement BETWEEN 1 AND 100)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE clinic
        DROP COLUMN off_track_recent_drop,
        DROP COLUMN off_track_gap_widening,
        DROP COLUMN off_track_low_check_out,
        DROP COLUMN off_track_sessions_without_improvement`);
  }
}
