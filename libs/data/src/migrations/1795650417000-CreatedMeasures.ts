import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Measures: a questionnaire scored into one number, followed over time. The definition lives on
 * measure_version rows, which are never changed or deleted (a trigger refuses it): a score names
 * the version it was computed with, so editing a measure, which adds a version, cannot change a
 * score already given. Built-ins have clinic_id NULL and a key, and are synced from the domain
 * catalog at start and migrate.
 */
export class CreatedMeasures1795650417000 implements MigrationInterface {
  name = 'CreatedMeasures1795650417000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE measure (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        clinic_id uuid REFERENCES clinic(id),
        key text CHECK (length(key) BETWEEN 1 AND 64),
        kind text NOT NULL CHECK (kind IN ('outcome', 'alliance')),
        title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
        description text NOT NULL DEFAULT '' CHECK (length(description) <= 1000),
        current_version int NOT NULL DEFAULT 1 CHECK (current_version >= 1),
        created_by uuid REFERENCES staff_user(id),
        archived_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((clinic_id IS NULL) = (key IS NOT NULL))
      )`);
    await q.query(`CREATE UNIQUE INDEX measure_builtin_key ON measure (key) WHERE clinic_id IS NULL`);
    await q.query(`CREATE INDEX measure_clinic_idx ON measure (clinic_id, lower(title)) WHERE clinic_id IS NOT NULL`);
    await q.query(`CREATE INDEX measure_created_by_idx ON measure (created_by) WHERE created_by IS NOT NULL`);

    await q.query(`
      CREATE TABLE measure_version (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        measure_id uuid NOT NULL REFERENCES measure(id),
        version int NOT NULL CHECK (version >= 1),
        definition jsonb NOT NULL CHECK (jsonb_typeof(definition) = 'object'),
        created_by uuid REFERENCES staff_user(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (measure_id, version)
      )`);
    await q.query(
      `CREATE INDEX measure_version_created_by_idx ON measure_version (created_by) WHERE created_by IS NOT NULL`,
    );
    await q.query(`
      CREATE FUNCTION measure_version_is_final() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'measure versions cannot be changed or deleted; add a new version';
      END $$`);
    await q.query(`
      CREATE TRIGGER measure_version_final BEFORE UPDATE OR DELETE ON measure_version
      FOR EACH ROW EXECUTE FUNCTION measure_version_is_final()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE measure_version`);
    await q.query(`DROP FUNCTION measure_version_is_final()`);
    await q.query(`DROP TABLE measure`);
  }
}
