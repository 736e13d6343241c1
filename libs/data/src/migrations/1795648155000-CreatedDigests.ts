import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreatedDigests1795648155000 implements MigrationInterface {
  name = 'CreatedDigests1795648155000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE digest (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        clinic_id uuid NOT NULL REFERENCES clinic(id),
        therapist_id uuid NOT NULL REFERENCES staff_user(id),
        kind text NOT NULL CHECK (kind IN ('weekly', 'pre_session')),
        couple_id uuid REFERENCES couple(id),
        period_start timestamptz NOT NULL,
        period_end timestamptz NOT NULL,
        content jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    // One digest per therapist, kind, couple and period: a re-run job finds it instead of adding one.
    await q.query(
      `CREATE UNIQUE INDEX digest_once ON digest (therapist_id, kind, coalesce(couple_id, '00000000-0000-0000-0000-000000000000'::uuid), period_end)`,
    );
    await q.query(`CREATE INDEX digest_therapist_idx ON digest (therapist_id, created_at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE digest`);
  }
}
