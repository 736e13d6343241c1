import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddedTwoFactorSignIn1795646281220 implements MigrationInterface {
  name = 'AddedTwoFactorSignIn1795646281220';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE clinic ADD COLUMN require_two_factor boolean NOT NULL DEFAULT false`);
    // Secrets are AES-256-GCM ciphertext (iv.tag.data, base64url); never stored in clear.
    await q.query(`ALTER TABLE staff_user ADD COLUMN totp_secret_encrypted text`);
    await q.query(`ALTER TABLE staff_user ADD COLUMN totp_pending_secret_encrypted text`);
    await q.query(`ALTER TABLE staff_user ADD COLUMN totp_enabled_at timestamptz`);
    // The last accepted 30-second step: a code is good once, even inside its window.
    await q.query(`ALTER TABLE staff_user ADD COLUMN totp_last_step bigint`);
    await q.query(`
      CREATE TABLE staff_recovery_code (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        staff_user_id uuid NOT NULL REFERENCES staff_user(id) ON DELETE CASCADE,
        code_hash text NOT NULL,
        used_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE INDEX staff_recovery_code_staff_idx ON staff_recovery_code (staff_user_id) WHERE used_at IS NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE staff_recovery_code`);
    await q.query(`ALTER TABLE staff_user DROP COLUMN totp_last_step`);
    await q.query(`ALTER TABLE staff_user DROP COLUMN totp_enabled_at`);
    await q.query(`ALTER TABLE staff_user DROP COLUMN totp_pending_secret_encrypted`);
    await q.query(`ALTER TABLE staff_user DROP COLUMN totp_secret_encrypted`);
    await q.query(`ALTER TABLE clinic DROP COLUMN require_two_factor`);
  }
}
