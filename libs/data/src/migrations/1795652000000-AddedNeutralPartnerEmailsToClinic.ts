import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A partner's inbox may be read by the other partner (or anyone at home). A clinic may choose that
 * every email to a partner goes out under a neutral subject and sender name; off by default, so
 * nothing changes for a clinic until an admin turns it on.
 */
export class AddedNeutralPartnerEmailsToClinic1795652000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE clinic ADD COLUMN neutral_partner_emails boolean NOT NULL DEFAULT false`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE clinic DROP COLUMN neutral_partner_emails`);
  }
}
