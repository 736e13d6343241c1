import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sessions become records: a couple's appointments with their therapist, one-off or in a series,
 * with an outcome and each partner's attendance. `couple.next_session_at` stays, now derived from
 * this table (kept in step on every session write, in the same transaction), because reminders,
 * digests, the caseload and check-ins read it. Each couple's existing next session becomes a
 * scheduled 50-minute session, so no date is lost.
 */
export class CreatedSessions1795750000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE session (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        clinic_id uuid NOT NULL REFERENCES clinic(id),
        couple_id uuid NOT NULL REFERENCES couple(id),
        therapist_id uuid NOT NULL REFERENCES staff_user(id),
        series_id uuid,
        frequency text CHECK (frequency IN ('weekly', 'fortnightly')),
        starts_at timestamptz NOT NULL,
        duration_minutes integer NOT NULL CHECK (duration_minutes BETWEEN 15 AND 240),
        location text,
        video_url text,
        status text NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled', 'held', 'cancelled', 'no_show')),
        cancel_reason text,
        cancelled_at timestamptz,
        attendance_partner1 text CHECK (attendance_partner1 IN ('attended', 'late', 'absent')),
        attendance_partner2 text CHECK (attendance_partner2 IN ('attended', 'late', 'absent')),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT session_series_has_frequency CHECK ((series_id IS NULL) = (frequency IS NULL)),
        CONSTRAINT session_cancelled_when CHECK ((status = 'cancelled') = (cancelled_at IS NOT NULL)),
        CONSTRAINT session_attendance_with_outcome CHECK (
          (status IN ('held', 'no_show')) = (attendance_partner1 IS NOT NULL AND attendance_partner2 IS NOT NULL)
          AND (attendance_partner1 IS NULL) = (attendance_partner2 IS NULL))
      )`);
    // The calendar reads a therapist's range; the couple page and next_session_at read a couple's.
    await q.query(`CREATE INDEX session_therapist_starts_idx ON session (therapist_id, starts_at)`);
    await q.query(`CREATE INDEX session_couple_starts_idx ON session (couple_id, starts_at)`);
    await q.query(`CREATE INDEX session_clinic_starts_idx ON session (clinic_id, starts_at)`);
    await q.query(
      `CREATE INDEX session_series_starts_idx ON session (series_id, starts_at) WHERE series_id IS NOT NULL`,
    );
    await q.query(`
      INSERT INTO session (clinic_id, couple_id, therapist_id, starts_at, duration_minutes, status)
      SELECT clinic_id, id, therapist_id, next_session_at, 50, 'scheduled' FROM couple WHERE next_session_at IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    // couple.next_session_at still holds each couple's next session: dropping the table loses the rest.
    await q.query(`DROP TABLE session`);
  }
}
