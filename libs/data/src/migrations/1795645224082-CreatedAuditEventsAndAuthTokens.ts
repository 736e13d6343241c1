import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreatedAuditEventsAndAuthTokens1795645224082 implements MigrationInterface {
  name = 'CreatedAuditEventsAndAuthTokens1795645224082';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE audit_event (
        id bigserial PRIMARY KEY,
        clinic_id uuid REFERENCES clinic(id),
        actor_type text NOT NULL CHECK (actor_type IN ('staff', 'client_link', 'system', 'anonymous')),
        actor_id text,
        action text NOT NULL,
        record_type text,
        record_id text,
        outcome text NOT NULL CHECK (outcome IN ('success', 'failure', 'denied')),
        ip inet,
        user_agent text,
        details jsonb NOT NULL DEFAULT '{}'::jsonb,
        occurred_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX audit_event_clinic_time_idx ON audit_event (clinic_id, occurred_at DESC)`);
    await q.query(`CREATE INDEX audit_event_actor_idx ON audit_event (clinic_id, actor_id, occurred_at DESC)`);
    // The trail is append-only at the database level too: no role the app uses can rewrite history.
    await q.query(`
      CREATE FUNCTION audit_event_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_event rows cannot be changed or deleted';
      END $$`);
    await q.query(`
      CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON audit_event
      FOR EACH ROW EXECUTE FUNCTION audit_event_is_append_only()`);

    await q.query(`
      CREATE TABLE auth_token (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        staff_user_id uuid NOT NULL REFERENCES staff_user(id),
        purpose text NOT NULL CHECK (purpose IN ('invitation', 'password_reset')),
        token_hash text UNIQUE,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        revoked_at timestamptz,
        created_by uuid REFERENCES staff_user(id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX auth_token_staff_idx ON auth_token (staff_user_id, purpose)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE auth_token`);
    await q.query(`DROP TRIGGER audit_event_append_only ON audit_event`);
    await q.query(`DROP FUNCTION audit_event_is_append_only()`);
    await q.query(`DROP TABLE audit_event`);
  }
}
