import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every link secret minted for an email (its hash only), committed on its own before the SMTP send
 * and keyed by the delivery's idempotency key (the Message-ID). A worker killed between SMTP's
 * answer and its commit loses the link it stored with the send; the resend mints a new one under
 * the same Message-ID, and a mail server that drops that duplicate keeps the first email. Its
 * secret is found here, and works as long as the link the same delivery finally stored (`stored`)
 * does: same expiry, revocation and single use, since the look-up continues with that link. A
 * delivery sent at the first attempt keeps no row (the send drops its secret's when it commits).
 */
export class CreatedEmailLinkSecrets1795865000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE email_link_secret (
         token_hash text PRIMARY KEY,
         delivery_key text NOT NULL,
         stored boolean NOT NULL DEFAULT false,
         issued_at timestamptz NOT NULL DEFAULT now()
       )`,
    );
    await q.query(`CREATE INDEX email_link_secret_delivery_idx ON email_link_secret (delivery_key)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE email_link_secret`);
  }
}
