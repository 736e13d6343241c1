import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddedHomeworkLinkLifetimeToClinic1795646873477 implements MigrationInterface {
  name = 'AddedHomeworkLinkLifetimeToClinic1795646873477';

  async up(q: QueryRunner): Promise<void> {
    // A partner's link works until this many days after the homework's due date.
    await q.query(
      `ALTER TABLE clinic ADD COLUMN homework_link_days int NOT NULL DEFAULT 14 CHECK (homework_link_days BETWEEN 1 AND 90)`,
    );
    await q.query(
      `CREATE INDEX homework_response_client_open_idx ON homework_response (client_id) WHERE submitted_at IS NULL`,
    );
    // The therapist's "email sent" column looks deliveries up by the response they are for.
    await q.query(
      `CREATE INDEX email_delivery_response_idx ON email_delivery ((subject_ids->>'responseId')) WHERE template IN ('homework-assigned', 'homework-link')`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX email_delivery_response_idx`);
    await q.query(`DROP INDEX homework_response_client_open_idx`);
    await q.query(`ALTER TABLE clinic DROP COLUMN homework_link_days`);
  }
}
