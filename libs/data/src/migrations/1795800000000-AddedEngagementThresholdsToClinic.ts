import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The clinic's engagement thresholds (see EngagementSettings in the domain): from how many missed
 * homeworks in a row a partner's reminders turn gentler, and the therapist is asked to check in.
 * 0 turns either off. The defaults are the issue's: two, then three.
 */
export class AddedEngagementThresholdsToClinic1795800000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE clinic
        ADD COLUMN gentle_reminder_after_misses int NOT NULL DEFAULT 2
          CHECK (gentle_reminder_after_misses BETWEEN 0 AND 20),
        ADD COLUMN engagement_task_after_misses int NOT NULL DEFAULT 3
          CHECK (engagement_task_after_misses BETWEEN 0 AND 20)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE clinic DROP COLUMN gentle_reminder_after_misses, DROP COLUMN engagement_task_after_misses`);
  }
}
