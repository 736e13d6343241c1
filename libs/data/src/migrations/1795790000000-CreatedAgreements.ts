import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Agreements a couple keeps: the agreement (from a session or one partner's answer to the
 * boundaries exercise), its versions (the therapist edits; each edit needs both partners to confirm
 * again), each partner's confirmation of a version, the weekly rhythm of the "did this hold?"
 * review (clinic time zone), each review link sent to one partner for one week (only its hash), and
 * each partner's weekly answer per agreement, one row per agreement, partner and week.
 */
export class CreatedAgreements1795790000000 implements MigrationInterface {
  name = 'CreatedAgreements1795790000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE agreement (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        clinic_id uuid NOT NULL REFERENCES clinic(id),
        couple_id uuid NOT NULL REFERENCES couple(id),
        current_version integer NOT NULL DEFAULT 1 CHECK (current_version >= 1),
        status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'retired')),
        source text NOT NULL CHECK (source IN ('session', 'exercise_answer')),
        source_assignment_id uuid REFERENCES assignment(id),
        source_prompt_id text CHECK (length(source_prompt_id) <= 100),
        source_client_id uuid REFERENCES client(id),
        created_by uuid NOT NULL REFERENCES staff_user(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        retired_at timestamptz,
        CHECK ((status = 'retired') = (retired_at IS NOT NULL)),
        CHECK (CASE source
          WHEN 'session' THEN source_assignment_id IS NULL AND source_prompt_id IS NULL AND source_client_id IS NULL
          ELSE source_assignment_id IS NOT NULL AND source_prompt_id IS NOT NULL AND source_client_id IS NOT NULL END)
      )`);
    await q.query(`CREATE INDEX agreement_clinic_couple_idx ON agreement (clinic_id, couple_id)`);
    await q.query(`CREATE INDEX agreement_couple_idx ON agreement (couple_id)`);
    await q.query(`CREATE INDEX agreement_assignment_idx ON agreement (source_assignment_id)`);
    await q.query(`CREATE INDEX agreement_source_client_idx ON agreement (source_client_id)`);
    await q.query(`CREATE INDEX agreement_created_by_idx ON agreement (created_by)`);
    await q.query(`
      CREATE TABLE agreement_version (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        clinic_id uuid NOT NULL REFERENCES clinic(id),
        agreement_id uuid NOT NULL REFERENCES agreement(id),
        version integer NOT NULL CHECK (version >= 1),
        text text NOT NULL CHECK (length(text) BETWEEN 1 AND 500),
        edited_by uuid NOT NULL REFERENCES staff_user(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (agreement_id, version)
      )`);
    await q.query(`CREATE INDEX agreement_version_clinic_idx ON agreement_version (clinic_id)`);
    await q.query(`CREATE INDEX agreement_version_edited_by_idx ON agreement_version (edited_by)`);
    await q.query(`
      CREATE TABLE agreement_confirmation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        clinic_id uuid NOT NULL REFERENCES clinic(id),
        agreement_version_id uuid NOT NULL REFERENCES agreement_version(id),
        client_id uuid NOT NULL REFERENCES client(id),
        confirmed_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (agreement_version_id, client_id)
      )`);
    await q.query(`CREATE INDEX agreement_confirmation_clinic_idx ON agreement_confirmation (clinic_id)`);
    await q.query(`CREATE INDEX agreement_confirmation_client_idx ON agreement_confirmation (client_id)`);
    await q.query(`
      CREATE TABLE agreement_rhythm (
        couple_id uuid PRIMARY KEY REFERENCES couple(id),
        clinic_id uuid NOT NULL REFERENCES clinic(id),
        weekday smallint NOT NULL CHECK (weekday BETWEEN 1 AND 7),
        local_time text NOT NULL CHECK (local_time ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
        updated_by uuid NOT NULL REFERENCES staff_user(id),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX agreement_rhythm_clinic_idx ON agreement_rhythm (clinic_id)`);
    await q.query(`CREATE INDEX agreement_rhythm_updated_by_idx ON agreement_rhythm (updated_by)`);
    await q.query(`
      CREATE TABLE agreement_review_request (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        clinic_id uuid NOT NULL REFERENCES clinic(id),
        couple_id uuid NOT NULL REFERENCES couple(id),
        client_id uuid NOT NULL REFERENCES client(id),
        week_of date NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        link_token_hash text UNIQUE,
        link_expires_at timestamptz,
        submitted_at timestamptz,
        UNIQUE (client_id, week_of)
      )`);
    await q.query(`CREATE INDEX agreement_review_request_couple_idx ON agreement_review_request (couple_id, week_of)`);
    await q.query(`CREATE INDEX agreement_review_request_clinic_idx ON agreement_review_request (clinic_id)`);
    await q.query(`
      CREATE TABLE agreement_review (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        clinic_id uuid NOT NULL REFERENCES clinic(id),
        couple_id uuid NOT NULL REFERENCES couple(id),
        agreement_id uuid NOT NULL REFERENCES agreement(id),
        agreement_version_id uuid NOT NULL REFERENCES agreement_version(id),
        client_id uuid NOT NULL REFERENCES client(id),
        week_of date NOT NULL,
        answer text NOT NULL CHECK (answer IN ('kept', 'mostly', 'not_kept')),
        note text CHECK (length(note) <= 1000),
        submitted_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (agreement_id, client_id, week_of)
      )`);
    await q.query(`CREATE INDEX agreement_review_couple_idx ON agreement_review (couple_id, week_of)`);
    await q.query(`CREATE INDEX agreement_review_clinic_idx ON agreement_review (clinic_id)`);
    await q.query(`CREATE INDEX agreement_review_version_idx ON agreement_review (agreement_version_id)`);
    await q.query(`CREATE INDEX agreement_review_client_idx ON agreement_review (client_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE agreement_review`);
    await q.query(`DROP TABLE agreement_review_request`);
    await q.query(`DROP TABLE agreement_rhythm`);
    await q.query(`DROP TABLE agreement_confirmation`);
    await q.query(`DROP TABLE agreement_version`);
    await q.query(`DROP TABLE agreement`);
  }
}
