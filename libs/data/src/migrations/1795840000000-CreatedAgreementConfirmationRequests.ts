import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * "Please confirm": one row per partner and agreement version, made when an agreement is added or
 * reworded, whatever the couple's weekly review rhythm. Its email's personal link (only the hash,
 * minted when the email goes out) opens the partner's agreements to confirm; it is closed once used.
 */
export class CreatedAgreementConfirmationRequests1795840000000 implements MigrationInterface {
  name = 'CreatedAgreementConfirmationRequests1795840000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE agreement_confirmation_request (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        clinic_id uuid NOT NULL REFERENCES clinic(id),
        couple_id uuid NOT NULL REFERENCES couple(id),
        client_id uuid NOT NULL REFERENCES client(id),
        agreement_version_id uuid NOT NULL REFERENCES agreement_version(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        link_token_hash text UNIQUE,
        link_expires_at timestamptz,
        closed_at timestamptz,
        UNIQUE (agreement_version_id, client_id)
      )`);
    await q.query(
      `CREATE INDEX agreement_confirmation_request_clinic_idx ON agreement_confirmation_request (clinic_id)`,
    );
    await q.query(
      `CREATE INDEX agreement_confirmation_request_couple_idx ON agreement_confirmation_request (couple_id)`,
    );
    await q.query(
      `CREATE INDEX agreement_confirmation_request_client_idx ON agreement_confirmation_request (client_id)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE agreement_confirmation_request`);
  }
}
