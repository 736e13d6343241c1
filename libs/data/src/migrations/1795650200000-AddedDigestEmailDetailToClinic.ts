import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Digest emails carried every answer in full. Email is not a safe channel for clinical text, so
 * every clinic starts at 'counts' (totals and a link); an admin may choose names or answers.
 */
export class AddedDigestEmailDetailToClinic1795650200000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE clinic ADD COLUMN digest_email_detail text NOT NULL DEFAULT 'counts'
         CHECK (digest_email_detail IN ('counts', 'names', 'answers'))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE clinic DROP COLUMN digest_email_detail`);
  }
}
