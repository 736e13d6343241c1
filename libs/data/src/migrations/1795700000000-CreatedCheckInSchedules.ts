import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Check-ins: which measure goes to a couple on which schedule (check_in_schedule, one per couple and
 * measure, so a partner's answer to an occurrence of a measure is never ambiguous), and each
 * check-in sent to one partner (check_in): the occurrence, the measure version it asks, and the
 * partner's personal link (only its hash), closed when they submit.
 */
export class CreatedCheckInSchedules1795700000000 implements MigrationInterface {
  name = 'CreatedCheckInSchedules1795700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE check_in_schedule (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        clinic_id uuid NOT NULL REFERENCES clinic(id),
        couple_id uuid NOT NULL REFERENCES couple(id),
        measure_id uuid NOT NULL REFERENCES measure(id),
        kind text NOT NULL CHECK (kind IN ('before_session', 'after_session', 'weekly', 'once')),
        hours integer CHECK (hours BETWEEN 1 AND 336),
        weekday smallint CHECK (weekday BETWEEN 1 AND 7),
        local_time text CHECK (local_time ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
        once_at timestamptz,
        share_with_partner boolean NOT NULL DEFAULT false,
        created_by uuid NOT NULL REFERENCES staff_user(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (couple_id, measure_id),
        CHECK (CASE kind
          WHEN 'before_session' THEN hours IS NOT NULL AND weekday IS NULL AND local_time IS NULL AND once_at IS NULL
          WHEN 'after_session' THEN hours IS NOT NULL AND weekday IS NULL AND local_time IS NULL AND once_at IS NULL
          WHEN 'weekly' THEN hours IS NULL AND weekday IS NOT NULL AND local_time IS NOT NULL AND once_at IS NULL
          ELSE hours IS NULL AND weekday IS NULL AND local_time IS NULL AND once_at IS NOT NULL END)
      )`);
    await q.query(`CREATE INDEX check_in_schedule_clinic_couple_idx ON check_in_schedule (clinic_id, couple_id)`);
    await q.query(`CREATE INDEX check_in_schedule_measure_idx ON check_in_schedule (measure_id)`);
    await q.query(`CREATE INDEX check_in_schedule_created_by_idx ON check_in_schedule (created_by)`);
    await q.query(`
      CREATE TABLE check_in (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        clinic_id uuid NOT NULL REFERENCES clinic(id),
        couple_id uuid NOT NULL REFERENCES couple(id),
        client_id uuid NOT NULL REFERENCES client(id),
        schedule_id uuid NOT NULL REFERENCES check_in_schedule(id) ON DELETE CASCADE,
        measure_version_id uuid NOT NULL REFERENCES measure_version(id),
        occurrence text NOT NULL CHECK (occurrence ~ '^[a-z0-9-]{1,64}$'),
        created_at timestamptz NOT NULL DEFAULT now(),
        link_token_hash text UNIQUE,
        link_expires_at timestamptz,
        submitted_at timestamptz,
        measure_response_id uuid REFERENCES measure_response(id),
        UNIQUE (schedule_id, client_id, occurrence)
      )`);
    await q.query(`CREATE INDEX check_in_client_idx ON check_in (client_id)`);
    await q.query(`CREATE INDEX check_in_couple_idx ON check_in (couple_id)`);
    await q.query(`CREATE INDEX check_in_clinic_idx ON check_in (clinic_id)`);
    await q.query(`CREATE INDEX check_in_version_idx ON check_in (measure_version_id)`);
    await q.query(`CREATE INDEX check_in_response_idx ON check_in (measure_response_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE check_in`);
    await q.query(`DROP TABLE check_in_schedule`);
  }
}
