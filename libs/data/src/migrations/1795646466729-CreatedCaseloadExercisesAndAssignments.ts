import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreatedCaseloadExercisesAndAssignments1795646466729 implements MigrationInterface {
  name = 'CreatedCaseloadExercisesAndAssignments1795646466729';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE couple (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        clinic_id uuid NOT NULL REFERENCES clinic(id),
        display_name text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 200),
        therapist_id uuid NOT NULL REFERENCES staff_user(id),
        status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'paused', 'discharged')),
        next_session_at timestamptz,
        last_activity_at timestamptz NOT NULL DEFAULT now(),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // The caseload list always filters by clinic and therapist, then status; sorts use the rest.
    await q.query(`CREATE INDEX couple_caseload_idx ON couple (clinic_id, therapist_id, status)`);
    await q.query(`CREATE INDEX couple_next_session_idx ON couple (clinic_id, next_session_at)`);

    await q.query(`
      CREATE TABLE client (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        clinic_id uuid NOT NULL REFERENCES clinic(id),
        couple_id uuid NOT NULL REFERENCES couple(id) ON DELETE CASCADE,
        position smallint NOT NULL CHECK (position IN (1, 2)),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        email text NOT NULL CHECK (length(email) <= 254),
        timezone text NOT NULL DEFAULT 'UTC',
        email_consent boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (couple_id, position)
      )`);
    // Partners may share one inbox: no uniqueness on email, but look-ups by email need an index.
    await q.query(`CREATE INDEX client_email_idx ON client (lower(email))`);

    await q.query(`
      CREATE TABLE exercise (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        clinic_id uuid REFERENCES clinic(id),
        key text NOT NULL,
        title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
        strategy text NOT NULL,
        purpose text NOT NULL,
        instructions text NOT NULL,
        estimated_minutes int NOT NULL CHECK (estimated_minutes BETWEEN 1 AND 240),
        prompts jsonb NOT NULL,
        version int NOT NULL DEFAULT 1,
        based_on_id uuid REFERENCES exercise(id),
        created_by uuid REFERENCES staff_user(id),
        archived_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // Built-ins (clinic_id NULL) are keyed globally, a clinic's own per clinic.
    await q.query(`CREATE UNIQUE INDEX exercise_builtin_key ON exercise (key) WHERE clinic_id IS NULL`);
    await q.query(`CREATE UNIQUE INDEX exercise_clinic_key ON exercise (clinic_id, key) WHERE clinic_id IS NOT NULL`);
    await q.query(`CREATE INDEX exercise_strategy_idx ON exercise (strategy)`);

    await q.query(`
      CREATE TABLE assignment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        clinic_id uuid NOT NULL REFERENCES clinic(id),
        couple_id uuid NOT NULL REFERENCES couple(id),
        exercise_id uuid NOT NULL REFERENCES exercise(id),
        exercise_version int NOT NULL,
        title text NOT NULL,
        strategy text NOT NULL,
        purpose text NOT NULL,
        instructions text NOT NULL,
        prompts jsonb NOT NULL,
        due_at timestamptz NOT NULL,
        message text NOT NULL DEFAULT '' CHECK (length(message) <= 2000),
        share_answers_after_both boolean NOT NULL DEFAULT false,
        assigned_by uuid NOT NULL REFERENCES staff_user(id),
        cancelled_at timestamptz,
        reviewed_at timestamptz,
        reviewed_by uuid REFERENCES staff_user(id),
        review_comment text CHECK (length(review_comment) <= 2000),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX assignment_couple_idx ON assignment (couple_id, due_at)`);
    await q.query(
      `CREATE INDEX assignment_clinic_due_idx ON assignment (clinic_id, due_at) WHERE cancelled_at IS NULL`,
    );

    await q.query(`
      CREATE TABLE homework_response (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        clinic_id uuid NOT NULL REFERENCES clinic(id),
        assignment_id uuid NOT NULL REFERENCES assignment(id),
        client_id uuid NOT NULL REFERENCES client(id),
        answers jsonb NOT NULL DEFAULT '{}'::jsonb,
        started_at timestamptz,
        last_saved_at timestamptz,
        submitted_at timestamptz,
        link_token_hash text UNIQUE,
        link_expires_at timestamptz,
        link_revoked_at timestamptz,
        link_opened_at timestamptz,
        link_last_used_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (assignment_id, client_id)
      )`);

    await q.query(`
      CREATE TABLE session_note (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        clinic_id uuid NOT NULL REFERENCES clinic(id),
        couple_id uuid NOT NULL REFERENCES couple(id),
        author_id uuid NOT NULL REFERENCES staff_user(id),
        format text NOT NULL CHECK (format IN ('soap', 'dap', 'free')),
        sections jsonb NOT NULL,
        session_date date NOT NULL,
        signed_at timestamptz,
        addendum_to uuid REFERENCES session_note(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX session_note_couple_idx ON session_note (couple_id, session_date DESC)`);
    // Signed notes are read-only at the database too; corrections are addenda (new rows).
    await q.query(`
      CREATE FUNCTION session_note_signed_is_final() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD.signed_at IS NOT NULL THEN
          RAISE EXCEPTION 'signed session notes cannot be changed; add an addendum';
        END IF;
        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
      END $$`);
    await q.query(`
      CREATE TRIGGER session_note_signed_final BEFORE UPDATE OR DELETE ON session_note
      FOR EACH ROW EXECUTE FUNCTION session_note_signed_is_final()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER session_note_signed_final ON session_note`);
    await q.query(`DROP FUNCTION session_note_signed_is_final()`);
    await q.query(`DROP TABLE session_note`);
    await q.query(`DROP TABLE homework_response`);
    await q.query(`DROP TABLE assignment`);
    await q.query(`DROP TABLE exercise`);
    await q.query(`DROP TABLE client`);
    await q.query(`DROP TABLE couple`);
  }
}
