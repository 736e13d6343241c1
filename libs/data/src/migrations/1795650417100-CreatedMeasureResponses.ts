import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One partner's answers to one check-in of a measure, scored when submitted, items kept. The row
 * names the measure version it was scored with and is never changed afterwards (a trigger refuses
 * updates and deletes): editing a measure adds a version and leaves every past score as it was.
 * One answer per partner per occurrence of a measure (the check-in schedule's occurrence key).
 */
export class CreatedMeasureResponses1795650417100 implements MigrationInterface {
  name = 'CreatedMeasureResponses1795650417100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE measure_response (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        clinic_id uuid NOT NULL REFERENCES clinic(id),
        couple_id uuid NOT NULL REFERENCES couple(id),
        client_id uuid NOT NULL REFERENCES client(id),
        measure_id uuid NOT NULL REFERENCES measure(id),
        measure_version_id uuid NOT NULL REFERENCES measure_version(id),
        occurrence text NOT NULL CHECK (occurrence ~ '^[a-z0-9-]{1,64}$'),
        answers jsonb NOT NULL CHECK (jsonb_typeof(answers) = 'object'),
        item_scores jsonb NOT NULL CHECK (jsonb_typeof(item_scores) = 'object'),
        score numeric(8, 2),
        prorated boolean NOT NULL,
        band text CHECK (band IN ('clinical', 'non_clinical')),
        submitted_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (client_id, measure_id, occurrence)
      )`);
    // The Progress tab: one couple's scores on one measure, in time order.
    await q.query(`CREATE INDEX measure_response_couple_idx ON measure_response (couple_id, measure_id, submitted_at)`);
    await q.query(`CREATE INDEX measure_response_version_idx ON measure_response (measure_version_id)`);
    await q.query(`CREATE INDEX measure_response_measure_idx ON measure_response (measure_id)`);
    await q.query(`
      CREATE FUNCTION measure_response_is_final() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'scored check-ins cannot be changed or deleted';
      END $$`);
    await q.query(`
      CREATE TRIGGER measure_response_final BEFORE UPDATE OR DELETE ON measure_response
      FOR EACH ROW EXECUTE FUNCTION measure_response_is_final()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE measure_response`);
    await q.query(`DROP FUNCTION measure_response_is_final()`);
  }
}
