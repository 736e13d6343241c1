import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The therapist's comments to the couple, kept as a history: a second review used to overwrite
 * the first comment (assignment.review_comment), and nobody saw either. Each comment now has its
 * own row with its author and time; the old column's comments move over, signed by whoever
 * reviewed, at the time they reviewed.
 */
export class CreatedAssignmentReviewComments1795651818100 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE assignment_review_comment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        clinic_id uuid NOT NULL REFERENCES clinic(id),
        assignment_id uuid NOT NULL REFERENCES assignment(id),
        author_id uuid NOT NULL REFERENCES staff_user(id),
        body text NOT NULL CHECK (length(body) BETWEEN 1 AND 2000),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      `CREATE INDEX assignment_review_comment_assignment_idx ON assignment_review_comment (assignment_id, created_at)`,
    );
    await queryRunner.query(
      `CREATE INDEX assignment_review_comment_author_idx ON assignment_review_comment (author_id)`,
    );
    await queryRunner.query(
      `CREATE INDEX assignment_review_comment_clinic_idx ON assignment_review_comment (clinic_id)`,
    );
    await queryRunner.query(`
      INSERT INTO assignment_review_comment (clinic_id, assignment_id, author_id, body, created_at)
      SELECT clinic_id, id, reviewed_by, review_comment, reviewed_at
      FROM assignment
      WHERE review_comment IS NOT NULL AND review_comment <> '' AND reviewed_by IS NOT NULL AND reviewed_at IS NOT NULL`);
    await queryRunner.query(`ALTER TABLE assignment DROP COLUMN review_comment`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE assignment ADD COLUMN review_comment text CHECK (length(review_comment) <= 2000)`,
    );
    // Only the latest comment fits the old column.
    await queryRunner.query(`
      UPDATE assignment a SET review_comment = c.body
      FROM (SELECT DISTINCT ON (assignment_id) assignment_id, body FROM assignment_review_comment
            ORDER BY assignment_id, created_at DESC) c
      WHERE c.assignment_id = a.id`);
    await queryRunner.query(`DROP TABLE assignment_review_comment`);
  }
}
