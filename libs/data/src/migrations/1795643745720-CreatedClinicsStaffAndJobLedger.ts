import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreatedClinicsStaffAndJobLedger1795643745720 implements MigrationInterface {
  name = 'CreatedClinicsStaffAndJobLedger1795643745720';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE clinic (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        timezone text NOT NULL DEFAULT 'UTC',
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE staff_user (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        clinic_id uuid NOT NULL REFERENCES clinic(id),
        email text NOT NULL CHECK (email = lower(email) AND length(email) <= 254),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        role text NOT NULL CHECK (role IN ('admin', 'therapist')),
        status text NOT NULL CHECK (status IN ('invited', 'active', 'deactivated')),
        password_hash text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // Sign-in is by email alone, so an address identifies one person across all clinics.
    await q.query(`CREATE UNIQUE INDEX staff_user_email_key ON staff_user (email)`);
    await q.query(`CREATE INDEX staff_user_clinic_idx ON staff_user (clinic_id)`);

    await q.query(`
      CREATE TABLE outbox (
        id bigserial PRIMARY KEY,
        queue text NOT NULL,
        job_name text NOT NULL,
        payload jsonb NOT NULL,
        job_id text NOT NULL,
        run_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        relayed_at timestamptz,
        relay_attempts int NOT NULL DEFAULT 0,
        last_error text
      )`);
    // The relay only ever scans what is still waiting; a partial index keeps that cheap forever.
    await q.query(`CREATE INDEX outbox_pending_idx ON outbox (id) WHERE relayed_at IS NULL`);

    await q.query(`
      CREATE TABLE email_delivery (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        clinic_id uuid REFERENCES clinic(id),
        idempotency_key text NOT NULL UNIQUE,
        template text NOT NULL,
        subject_ids jsonb NOT NULL DEFAULT '{}'::jsonb,
        status text NOT NULL CHECK (status IN ('pending', 'sent', 'skipped', 'failed')),
        attempts int NOT NULL DEFAULT 0,
        last_error text,
        message_id text,
        sent_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX email_delivery_clinic_idx ON email_delivery (clinic_id, created_at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE email_delivery`);
    await q.query(`DROP TABLE outbox`);
    await q.query(`DROP TABLE staff_user`);
    await q.query(`DROP TABLE clinic`);
  }
}
