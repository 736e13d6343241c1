import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One address is one account (sign-in is by email alone), but an invitation is not an account yet.
 * An admin inviting an address that has an account in another clinic must learn nothing about that
 * clinic, so the invitation is made like any other and listed in the admin's clinic; only accepting
 * it is refused, to the invitee (who owns the address). The address stays unique among accounts
 * (active or deactivated) and within a clinic.
 */
export class ScopedPendingInvitationsToTheirClinic1795650500000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX staff_user_email_key`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX staff_user_account_email_key ON staff_user (email) WHERE status <> 'invited'`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX staff_user_clinic_email_key ON staff_user (clinic_id, email)`);
  }

  /** Fails while two clinics hold a pending invitation for one address: withdraw one first. */
  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX staff_user_clinic_email_key`);
    await queryRunner.query(`DROP INDEX staff_user_account_email_key`);
    await queryRunner.query(`CREATE UNIQUE INDEX staff_user_email_key ON staff_user (email)`);
  }
}
