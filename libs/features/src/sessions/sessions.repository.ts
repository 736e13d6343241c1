import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type {
  PartnerAttendance,
  SessionFrequency,
  SessionOutcomeStatus,
  SessionStatus,
  SessionUser,
  SessionView,
} from '@trellis/contracts';
import { Couple, TherapySession } from '@trellis/data';
import { nextSessionSql, overlapsSlotSql, sessionOccupiesSql } from './session-schedule.sql';

export interface NewSession {
  clinicId: string;
  coupleId: string;
  therapistId: string;
  seriesId: string | null;
  frequency: SessionFrequency | null;
  startsAt: Date;
  durationMinutes: number;
  location: string | null;
  videoUrl: string | null;
}

export interface SessionTimes {
  id: string;
  startsAt: Date;
  durationMinutes: number;
}

/** The session a new or moved one would overlap. */
export interface Clash {
  id: string;
  startsAt: Date;
  durationMinutes: number;
}

interface SessionRow {
  id: string;
  couple_id: string;
  couple_name: string;
  therapist_id: string;
  therapist_name: string;
  series_id: string | null;
  frequency: SessionFrequency | null;
  starts_at: Date;
  duration_minutes: number;
  location: string | null;
  video_url: string | null;
  status: SessionStatus;
  cancel_reason: string | null;
  attendance_partner1: PartnerAttendance | null;
  attendance_partner2: PartnerAttendance | null;
  partner1_name: string | null;
  partner2_name: string | null;
  note_id: string | null;
  note_signed_at: Date | null;
}

/** Which sessions a view statement reads; every one is also filtered by the actor's clinic. */
type ViewScope =
  | { kind: 'ids'; ids: readonly string[] }
  | { kind: 'couple'; coupleId: string }
  | { kind: 'range'; from: Date; to: Date; therapistId: string | null };

const MINUTE_MS = 60_000;

/** The session aggregate's SQL: the schedule, its clash check and the couple's derived next session. */
@Injectable()
export class SessionsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Serializes changes to one therapist's schedule until the transaction ends, so two bookings
   * made at once cannot both pass the clash check.
   */
  async lockTherapistSchedule(manager: EntityManager, therapistId: string): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended('session-schedule:' || $1::text, 0))`, [
      therapistId,
    ]);
  }

  /** The earliest of the therapist's sessions that overlaps any of the slots (ignoring the ones being moved). */
  async findClash(
    manager: EntityManager,
    therapistId: string,
    slots: readonly { startsAt: Date; durationMinutes: number }[],
    ignoreIds: readonly string[],
  ): Promise<Clash | null> {
    if (!slots.length) return null;
    const rows: { id: string; starts_at: Date; duration_minutes: number }[] = await manager.query(
      `SELECT s.id, s.starts_at, s.duration_minutes
       FROM session s, unnest($2::timestamptz[], $3::int[]) AS slot(starts_at, minutes)
       WHERE s.therapist_id = $1 AND ${sessionOccupiesSql('s')} AND NOT (s.id = ANY($4::uuid[]))
         AND ${overlapsSlotSql('s', 'slot.starts_at', 'slot.minutes')}
       ORDER BY s.starts_at, s.id LIMIT 1`,
      [therapistId, slots.map((s) => s.startsAt.toISOString()), slots.map((s) => s.durationMinutes), [...ignoreIds]],
    );
    const row = rows[0];
    return row ? { id: row.id, startsAt: new Date(row.starts_at), durationMinutes: row.duration_minutes } : null;
  }

  /** Inserts the sessions in one statement; their ids in the same order. */
  async insertMany(manager: EntityManager, sessions: readonly NewSession[]): Promise<string[]> {
    const result = await manager.insert(
      TherapySession,
      sessions.map((s) => ({ ...s, status: 'scheduled' as const })),
    );
    return result.identifiers.map((i) => i['id'] as string);
  }

  /** The session if this person may see its couple (their own, or any in the clinic for an admin), else null. */
  findVisible(
    manager: EntityManager,
    user: SessionUser,
    sessionId: string,
    lock = false,
  ): Promise<TherapySession | null> {
    const query = manager
      .createQueryBuilder(TherapySession, 's')
      .innerJoin(Couple, 'c', 'c.id = s.coupleId')
      .where('s.id = :sessionId AND s.clinicId = :clinicId AND c.clinicId = :clinicId', {
        sessionId,
        clinicId: user.clinicId,
      });
    if (user.role !== 'admin') query.andWhere('c.therapistId = :me', { me: user.id });
    if (lock) query.setLock('pessimistic_write', undefined, ['s']);
    return query.getOne();
  }

  /** The still-scheduled sessions of a series from `from` on, earliest first, locked for a change. */
  followingInSeries(manager: EntityManager, seriesId: string, from: Date): Promise<TherapySession[]> {
    return manager
      .createQueryBuilder(TherapySession, 's')
      .where('s.seriesId = :seriesId AND s.startsAt >= :from AND s.status = :status', {
        seriesId,
        from,
        status: 'scheduled',
      })
      .orderBy('s.startsAt', 'ASC')
      .setLock('pessimistic_write')
      .getMany();
  }

  /** Moves sessions (one statement however many) and sets where they take place when given. */
  async updateTimes(
    manager: EntityManager,
    times: readonly SessionTimes[],
    place: { location?: string | null; videoUrl?: string | null },
  ): Promise<void> {
    if (!times.length) return;
    await manager.query(
      `UPDATE session s SET starts_at = t.starts_at, duration_minutes = t.minutes, updated_at = now(),
         sequence = s.sequence + 1,
         location = CASE WHEN $4 THEN $5 ELSE s.location END,
         video_url = CASE WHEN $6 THEN $7 ELSE s.video_url END
       FROM unnest($1::uuid[], $2::timestamptz[], $3::int[]) AS t(id, starts_at, minutes)
       WHERE s.id = t.id`,
      [
        times.map((t) => t.id),
        times.map((t) => t.startsAt.toISOString()),
        times.map((t) => t.durationMinutes),
        place.location !== undefined,
        place.location ?? null,
        place.videoUrl !== undefined,
        place.videoUrl ?? null,
      ],
    );
  }

  /**
   * Homework due "N hours before" one of these sessions follows it to its new time; the homework
   * responses whose reminders must be re-planned. One statement however many.
   */
  async moveDueDates(manager: EntityManager, sessionIds: readonly string[]): Promise<string[]> {
    if (!sessionIds.length) return [];
    const rows: { id: string }[] = await manager.query(
      `WITH moved AS (
         UPDATE assignment a
         SET due_at = s.starts_at - make_interval(hours => a.due_hours_before_session), updated_at = now()
         FROM session s
         WHERE a.due_session_id = s.id AND s.id = ANY($1::uuid[]) AND a.cancelled_at IS NULL
           AND a.due_at <> s.starts_at - make_interval(hours => a.due_hours_before_session)
         RETURNING a.id
       )
       SELECT r.id FROM homework_response r JOIN moved m ON m.id = r.assignment_id`,
      [[...sessionIds]],
    );
    return rows.map((r) => r.id);
  }

  /**
   * Homework due "N hours before" one of these sessions, now cancelled, is due before the couple's
   * next session after it instead — it was for "the next session", and that is the next one now.
   * With no session ahead it keeps the date it had, as a date set by hand (the link is dropped).
   * The homework responses whose reminders must be re-planned; one statement however many.
   */
  async relinkDueDatesFromCancelled(manager: EntityManager, sessionIds: readonly string[]): Promise<string[]> {
    if (!sessionIds.length) return [];
    const rows: { id: string }[] = await manager.query(
      `WITH target AS (
         SELECT c.id AS from_id, n.id AS to_id, n.starts_at AS to_starts_at
         FROM session c
         LEFT JOIN LATERAL (
           SELECT s.id, s.starts_at FROM session s
           WHERE s.couple_id = c.couple_id AND s.status = 'scheduled' AND s.starts_at > c.starts_at
           ORDER BY s.starts_at LIMIT 1) n ON true
         WHERE c.id = ANY($1::uuid[]) AND c.status = 'cancelled'
       ),
       moved AS (
         UPDATE assignment a
         SET due_session_id = t.to_id,
             due_hours_before_session = CASE WHEN t.to_id IS NULL THEN NULL ELSE a.due_hours_before_session END,
             due_at = CASE WHEN t.to_id IS NULL THEN a.due_at
                           ELSE t.to_starts_at - make_interval(hours => a.due_hours_before_session) END,
             updated_at = now()
         FROM target t
         WHERE a.due_session_id = t.from_id AND a.cancelled_at IS NULL
         RETURNING a.id, a.due_session_id
       )
       SELECT r.id FROM homework_response r JOIN moved m ON m.id = r.assignment_id WHERE m.due_session_id IS NOT NULL`,
      [[...sessionIds]],
    );
    return rows.map((r) => r.id);
  }

  async cancel(manager: EntityManager, ids: readonly string[], reason: string): Promise<void> {
    await manager.query(
      `UPDATE session SET status = 'cancelled', cancel_reason = $2, cancelled_at = now(), updated_at = now(),
         sequence = sequence + 1
       WHERE id = ANY($1::uuid[]) AND status = 'scheduled'`,
      [[...ids], reason],
    );
  }

  async recordOutcome(
    manager: EntityManager,
    id: string,
    status: SessionOutcomeStatus,
    attendance: readonly [PartnerAttendance, PartnerAttendance],
  ): Promise<void> {
    await manager.update(
      TherapySession,
      { id },
      { status, attendancePartner1: attendance[0], attendancePartner2: attendance[1] },
    );
  }

  /** A couple's scheduled sessions still to start: what goes with it to a new therapist. */
  async futureScheduled(manager: EntityManager, coupleId: string): Promise<SessionTimes[]> {
    const rows: { id: string; starts_at: Date; duration_minutes: number }[] = await manager.query(
      `SELECT id, starts_at, duration_minutes FROM session
       WHERE couple_id = $1 AND status = 'scheduled' AND starts_at > now() ORDER BY starts_at FOR UPDATE`,
      [coupleId],
    );
    return rows.map((r) => ({ id: r.id, startsAt: new Date(r.starts_at), durationMinutes: r.duration_minutes }));
  }

  /** Future scheduled sessions of a couple go with it to its new therapist. */
  async reassignFuture(manager: EntityManager, coupleId: string, therapistId: string): Promise<void> {
    await manager.query(
      `UPDATE session SET therapist_id = $2, updated_at = now()
       WHERE couple_id = $1 AND status = 'scheduled' AND starts_at > now()`,
      [coupleId, therapistId],
    );
  }

  /**
   * Re-derives `couple.next_session_at` from the schedule (one statement) and says what it was and
   * is, so the caller re-plans what depends on it only when it changed.
   */
  async refreshNextSession(
    manager: EntityManager,
    coupleId: string,
  ): Promise<{ before: Date | null; after: Date | null }> {
    // TypeORM answers an UPDATE … RETURNING with [rows, affected].
    const [rows]: [{ before: Date | null; after: Date | null }[], number] = await manager.query(
      `UPDATE couple c SET next_session_at = n.next
       FROM (SELECT ${nextSessionSql('$1')} AS next, (SELECT next_session_at FROM couple WHERE id = $1) AS before) n
       WHERE c.id = $1
       RETURNING n.before, c.next_session_at AS after`,
      [coupleId],
    );
    const row = rows[0];
    return { before: row?.before ? new Date(row.before) : null, after: row?.after ? new Date(row.after) : null };
  }

  /**
   * Couples whose stored next session has started and no longer is their next one (it ended, or
   * a clock passed it): what the roll-forward sweep refreshes. One statement for every clinic.
   */
  couplesToRollForward(): Promise<{ coupleId: string; clinicId: string }[]> {
    return this.dataSource.query(
      `SELECT c.id AS "coupleId", c.clinic_id AS "clinicId" FROM couple c
       WHERE c.next_session_at <= now() AND c.next_session_at IS DISTINCT FROM ${nextSessionSql('c.id')}`,
    );
  }

  /** The couple's next scheduled session not yet ended (what next_session_at names), locked. */
  async nextScheduled(manager: EntityManager, coupleId: string): Promise<TherapySession | null> {
    const rows: { id: string }[] = await manager.query(
      `SELECT id FROM session ns WHERE ns.couple_id = $1 AND ns.status = 'scheduled'
         AND ns.starts_at + make_interval(mins => ns.duration_minutes) > now()
       ORDER BY ns.starts_at, ns.id LIMIT 1`,
      [coupleId],
    );
    if (!rows[0]) return null;
    return manager.findOne(TherapySession, { where: { id: rows[0].id }, lock: { mode: 'pessimistic_write' } });
  }

  async clinicTimeZone(manager: EntityManager, clinicId: string): Promise<string> {
    const rows: { timezone: string }[] = await manager.query(`SELECT timezone FROM clinic WHERE id = $1`, [clinicId]);
    return rows[0]?.timezone ?? 'UTC';
  }

  /**
   * Sessions as staff see them, with couple, therapist and partner names: one statement whatever
   * the number (the calendar's week for a busy therapist costs the same as a quiet one's).
   */
  async views(manager: EntityManager | null, viewer: SessionUser, scope: ViewScope): Promise<SessionView[]> {
    // $1 the clinic, $2 the viewer: a session's note shows only to the couple's own therapist.
    const params: unknown[] = [viewer.clinicId, viewer.id];
    let where: string;
    switch (scope.kind) {
      case 'ids':
        params.push([...scope.ids]);
        where = `s.id = ANY($3::uuid[])`;
        break;
      case 'couple':
        params.push(scope.coupleId);
        where = `s.couple_id = $3`;
        break;
      case 'range':
        params.push(scope.from.toISOString(), scope.to.toISOString());
        where = `s.starts_at < $4 AND s.starts_at + make_interval(mins => s.duration_minutes) > $3`;
        if (scope.therapistId) {
          params.push(scope.therapistId);
          where += ` AND s.therapist_id = $5`;
        }
        break;
    }
    const rows: SessionRow[] = await (manager ?? this.dataSource.manager).query(
      `SELECT s.id, s.couple_id, c.display_name AS couple_name, s.therapist_id, st.name AS therapist_name,
              s.series_id, s.frequency, s.starts_at, s.duration_minutes, s.location, s.video_url, s.status,
              s.cancel_reason, s.attendance_partner1, s.attendance_partner2,
              p1.name AS partner1_name, p2.name AS partner2_name, n.id AS note_id, n.signed_at AS note_signed_at
       FROM session s
       JOIN couple c ON c.id = s.couple_id
       JOIN staff_user st ON st.id = s.therapist_id
       LEFT JOIN client p1 ON p1.couple_id = s.couple_id AND p1.position = 1
       LEFT JOIN client p2 ON p2.couple_id = s.couple_id AND p2.position = 2
       LEFT JOIN session_note n ON n.session_id = s.id AND n.addendum_to IS NULL AND c.therapist_id = $2::uuid
       WHERE s.clinic_id = $1 AND ${where}
       ORDER BY s.starts_at, s.id`,
      params,
    );
    return rows.map(toView);
  }
}

function toView(r: SessionRow): SessionView {
  const startsAt = new Date(r.starts_at);
  const attendance: SessionView['attendance'] = [];
  if (r.attendance_partner1 && r.attendance_partner2) {
    attendance.push(
      { position: 1, partnerName: r.partner1_name ?? '', attendance: r.attendance_partner1 },
      { position: 2, partnerName: r.partner2_name ?? '', attendance: r.attendance_partner2 },
    );
  }
  return {
    id: r.id,
    coupleId: r.couple_id,
    coupleName: r.couple_name,
    therapistId: r.therapist_id,
    therapistName: r.therapist_name,
    seriesId: r.series_id,
    frequency: r.frequency,
    startsAt: startsAt.toISOString(),
    endsAt: new Date(startsAt.getTime() + r.duration_minutes * MINUTE_MS).toISOString(),
    durationMinutes: r.duration_minutes,
    location: r.location,
    videoUrl: r.video_url,
    status: r.status,
    cancelReason: r.cancel_reason,
    attendance,
    note: r.note_id ? { id: r.note_id, signed: r.note_signed_at !== null } : null,
  };
}
