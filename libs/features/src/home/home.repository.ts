import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { SessionUser, TherapistHome } from '@trellis/contracts';
import { firstName, type OffTrackReason } from '@trellis/domain';
import { assignmentStateJoin } from '../assignments/assignment-state.sql';
import { clinicEngagementSettings, engagementJoin, reachedThreshold } from '../engagement/engagement.sql';
import { offTrackInputColumns, offTrackReasonsSql } from '../measures/off-track.sql';

const LIST_LIMIT = 20;

interface HomeRow {
  awaiting: { id: string; couple_id: string; couple_name: string; title: string; completed_at: string }[];
  overdue: {
    id: string;
    couple_id: string;
    couple_name: string;
    title: string;
    due_at: string;
    waiting_for: string[] | null;
  }[];
  upcoming: { id: string; display_name: string; next_session_at: string }[];
  to_finish: {
    session_id: string;
    couple_id: string;
    couple_name: string;
    starts_at: string;
    note_id: string | null;
  }[];
  safety: { couple_id: string; couple_name: string; raised_at: string }[];
  weeks: { week_start: string; due: number; completed: number }[];
  strategies: { strategy: string; assigned: number; completed: number }[];
  couple_count: number;
  off_track: { id: string; display_name: string; partner_names: string[]; reasons: OffTrackReason[] }[];
  off_track_count: number;
  check_ins: {
    couple_id: string;
    couple_name: string;
    client_id: string;
    name: string;
    missed_in_a_row: number;
    last_active_at: string | null;
  }[];
  check_in_count: number;
}

/** Timestamps arrive inside JSON as PostgreSQL writes them (`…+00:00`, microseconds): normalise. */
const iso = (timestamp: string) => new Date(timestamp).toISOString();

/**
 * The home screen in one statement whatever the caseload size, scoped to the therapist's own
 * couples (an admin sees the clinic) and served by the caseload indexes. Every panel but the
 * sessions reads the same per-assignment state (`assignmentStateJoin`, the SQL twin of the
 * domain's rule), so it is worked out once in a materialised CTE: as five statements it was
 * computed four times, and the home screen grew most with the caseload in the scaling benchmark.
 */
@Injectable()
export class HomeRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async forStaff(user: SessionUser): Promise<TherapistHome> {
    const scope = user.role === 'admin' ? 'c.clinic_id = $1' : 'c.clinic_id = $1 AND c.therapist_id = $2';
    // $2 is always the user: notes are the couple's own therapist's, so "notes to finish" is theirs even for an admin.
    const params = [user.clinicId, user.id];
    const [row]: HomeRow[] = await this.dataSource.query(
      `WITH s AS MATERIALIZED (
         -- Each assignment's state, from the one SQL definition of it (assignment-state.sql.ts).
         SELECT a.id, a.couple_id, a.title, a.strategy, a.due_at, c.display_name AS couple_name,
                st.is_overdue, st.awaiting_review, st.completed_at
         FROM assignment a
         JOIN couple c ON c.id = a.couple_id
         ${assignmentStateJoin('a')}
         WHERE ${scope} AND a.cancelled_at IS NULL
       ),
       measured AS MATERIALIZED (
         -- Only couples with a check-in can be off track: the rule is not run for the others.
         SELECT c.id, c.display_name, c.clinic_id FROM couple c
         WHERE ${scope} AND c.status = 'active'
           AND EXISTS (SELECT 1 FROM measure_response r WHERE r.couple_id = c.id)
       ),
       off_track AS MATERIALIZED (
         -- Each couple's reasons, from the one SQL definition of the rule (off-track.sql.ts), for
         -- all the measured couples in one pass.
         SELECT c.id, c.display_name, ot.reasons
         FROM measured c
         JOIN (${offTrackReasonsSql(
           `(SELECT ${offTrackInputColumns('mc', 'k')} FROM measured mc JOIN clinic k ON k.id = mc.clinic_id)`,
         )}) ot ON ot.couple_id = c.id
         WHERE jsonb_array_length(ot.reasons) > 0
       ),
       check_in AS MATERIALIZED (
         -- Partners who missed the clinic's number of homeworks in a row, from the one SQL
         -- definition of engagement (engagement.sql.ts): "Check in with Jordan".
         SELECT c.id AS couple_id, c.display_name AS couple_name, cl.id AS client_id, cl.name, cl.position,
                eg.missed_in_a_row, eg.last_active_at
         FROM couple c JOIN clinic k ON k.id = c.clinic_id JOIN client cl ON cl.couple_id = c.id
         ${engagementJoin('cl.id')}
         WHERE ${scope} AND c.status = 'active'
           AND ${reachedThreshold('eg.missed_in_a_row', clinicEngagementSettings('k').taskAfter)}
       )
       SELECT
         (SELECT coalesce(json_agg(x ORDER BY x.completed_at, x.id), '[]') FROM (
            SELECT id, couple_id, couple_name, title, completed_at FROM s
            WHERE awaiting_review ORDER BY completed_at, id LIMIT ${LIST_LIMIT}) x) AS awaiting,
         (SELECT coalesce(json_agg(x ORDER BY x.due_at, x.id), '[]') FROM (
            -- Who is behind, for the page's 20 rows only.
            SELECT s.id, s.couple_id, s.couple_name, s.title, s.due_at,
                   (SELECT array_agg(cl.name ORDER BY cl.position) FROM homework_response r
                    JOIN client cl ON cl.id = r.client_id
                    WHERE r.assignment_id = s.id AND r.submitted_at IS NULL) AS waiting_for
            FROM s WHERE is_overdue ORDER BY due_at, id LIMIT ${LIST_LIMIT}) x) AS overdue,
         (SELECT coalesce(json_agg(x ORDER BY x.next_session_at, x.id), '[]') FROM (
            SELECT c.id, c.display_name, c.next_session_at FROM couple c
            WHERE ${scope} AND c.status = 'active' AND c.next_session_at BETWEEN now() AND now() + interval '48 hours'
            ORDER BY c.next_session_at, c.id LIMIT ${LIST_LIMIT}) x) AS upcoming,
         (SELECT coalesce(json_agg(x ORDER BY x.starts_at, x.session_id), '[]') FROM (
            -- Held sessions of the user's own couples whose note is missing or still a draft.
            SELECT ss.id AS session_id, c.id AS couple_id, c.display_name AS couple_name, ss.starts_at, n.id AS note_id
            FROM session ss
            JOIN couple c ON c.id = ss.couple_id
            LEFT JOIN session_note n ON n.session_id = ss.id AND n.addendum_to IS NULL
            WHERE c.clinic_id = $1 AND c.therapist_id = $2::uuid AND ss.status = 'held' AND n.signed_at IS NULL
            ORDER BY ss.starts_at, ss.id LIMIT ${LIST_LIMIT}) x) AS to_finish,
         (SELECT coalesce(json_agg(x ORDER BY x.raised_at, x.couple_id), '[]') FROM (
            -- Open safety pauses: a partner does not feel safe; first raised, first listed.
            SELECT p.couple_id, c.display_name AS couple_name, p.raised_at
            FROM safety_pause p JOIN couple c ON c.id = p.couple_id
            WHERE ${scope} AND p.clinic_id = $1 AND p.lifted_at IS NULL
            ORDER BY p.raised_at, p.couple_id LIMIT ${LIST_LIMIT}) x) AS safety,
         (SELECT json_agg(x ORDER BY x.week_start) FROM (
            SELECT w.week_start, count(s.id)::int AS due, count(s.id) FILTER (WHERE s.completed_at IS NOT NULL)::int AS completed
            FROM generate_series(date_trunc('week', now()) - interval '7 weeks', date_trunc('week', now()), interval '1 week') AS w(week_start)
            LEFT JOIN s ON date_trunc('week', s.due_at) = w.week_start
            GROUP BY w.week_start) x) AS weeks,
         (SELECT coalesce(json_agg(x ORDER BY x.assigned DESC, x.strategy), '[]') FROM (
            SELECT strategy, count(*)::int AS assigned, count(*) FILTER (WHERE completed_at IS NOT NULL)::int AS completed
            FROM s GROUP BY strategy) x) AS strategies,
         (SELECT count(*)::int FROM couple c WHERE ${scope}) AS couple_count,
         (SELECT coalesce(json_agg(x ORDER BY x.display_name, x.id), '[]') FROM (
            SELECT o.id, o.display_name, o.reasons,
                   (SELECT array_agg(cl.name ORDER BY cl.position) FROM client cl WHERE cl.couple_id = o.id) AS partner_names
            FROM off_track o ORDER BY o.display_name, o.id LIMIT ${LIST_LIMIT}) x) AS off_track,
         (SELECT count(*)::int FROM off_track) AS off_track_count,
         (SELECT coalesce(json_agg(x ORDER BY x.missed_in_a_row DESC, x.couple_name, x.couple_id, x.position), '[]') FROM (
            SELECT * FROM check_in
            ORDER BY missed_in_a_row DESC, couple_name, couple_id, position LIMIT ${LIST_LIMIT}) x) AS check_ins,
         (SELECT count(*)::int FROM check_in) AS check_in_count`,
      params,
    );
    return {
      coupleCount: row.couple_count,
      awaitingReview: row.awaiting.map((r) => ({
        assignmentId: r.id,
        coupleId: r.couple_id,
        coupleName: r.couple_name,
        title: r.title,
        completedAt: iso(r.completed_at),
      })),
      overdue: row.overdue.map((r) => ({
        assignmentId: r.id,
        coupleId: r.couple_id,
        coupleName: r.couple_name,
        title: r.title,
        dueAt: iso(r.due_at),
        waitingFor: r.waiting_for ?? [],
      })),
      upcomingSessions: row.upcoming.map((r) => ({
        coupleId: r.id,
        coupleName: r.display_name,
        nextSessionAt: iso(r.next_session_at),
      })),
      notesToFinish: row.to_finish.map((r) => ({
        sessionId: r.session_id,
        coupleId: r.couple_id,
        coupleName: r.couple_name,
        startsAt: iso(r.starts_at),
        noteId: r.note_id,
      })),
      safetyAlerts: row.safety.map((r) => ({
        coupleId: r.couple_id,
        coupleName: r.couple_name,
        raisedAt: iso(r.raised_at),
      })),
      completionByWeek: row.weeks.map((w) => ({
        weekStart: iso(w.week_start).slice(0, 10),
        due: w.due,
        completed: w.completed,
      })),
      completionByStrategy: row.strategies,
      offTrack: row.off_track.map((r) => ({
        coupleId: r.id,
        coupleName: r.display_name,
        partnerNames: r.partner_names,
        reasons: r.reasons,
      })),
      offTrackCount: row.off_track_count,
      checkIns: row.check_ins.map((r) => ({
        coupleId: r.couple_id,
        coupleName: r.couple_name,
        clientId: r.client_id,
        partnerName: firstName(r.name),
        missedInARow: r.missed_in_a_row,
        lastActiveAt: r.last_active_at === null ? null : iso(r.last_active_at),
      })),
      checkInCount: row.check_in_count,
    };
  }
}
