import type { EntityManager } from 'typeorm';
import type { PartnerAttendance, SessionStatus } from '@trellis/contracts';
import { addLocalDays, fromLocalDateTime, planOccurrences, toLocalDateTime } from '@trellis/domain';
import { nextSessionSql } from '@trellis/features';
import { planPreSessionDigestInTransaction } from '@trellis/jobs';

/** Weeks of sessions before the couple's next one, and of booked ones from it on. */
const PAST_WEEKS = 6;
const FUTURE_WEEKS = 8;
const SESSION_HOUR = 17;

interface PastStory {
  /** Weeks before the next session (1 = last week) that went differently from "both came". */
  cancelled?: { weeksAgo: number; reason: string };
  partial?: { weeksAgo: number; attendance: [PartnerAttendance, PartnerAttendance] };
  noShow?: number;
}

/** What happened in each couple's past weeks: a practice's ordinary mix. */
const STORIES: Record<string, PastStory> = {
  '00000000-0000-4000-8000-0000000000c1': {
    cancelled: { weeksAgo: 4, reason: 'Partner travelling for work' },
    partial: { weeksAgo: 2, attendance: ['attended', 'late'] },
  },
  '00000000-0000-4000-8000-0000000000c2': { partial: { weeksAgo: 3, attendance: ['attended', 'absent'] } },
  '00000000-0000-4000-8000-0000000000c3': { noShow: 4, partial: { weeksAgo: 2, attendance: ['absent', 'attended'] } },
};

/**
 * A weekly series per demo couple at 17:00 clinic time, six weeks back and eight ahead, its next
 * session `sessionInDays` from today: past ones held (one partner late or absent now and then, a
 * cancellation, a no-show), future ones scheduled. next_session_at is derived from it as the app
 * does, and each couple's pre-session digest is planned. Only for a couple with no sessions yet.
 */
export async function seedDemoSessions(
  m: EntityManager,
  clinicId: string,
  therapistId: string,
  couples: readonly { id: string; sessionInDays: number }[],
): Promise<void> {
  const [{ timezone }] = await m.query(`SELECT timezone FROM clinic WHERE id = $1`, [clinicId]);
  const now = Date.now();
  for (const couple of couples) {
    const [{ n }] = await m.query(`SELECT count(*)::int AS n FROM session WHERE couple_id = $1`, [couple.id]);
    if (n > 0) continue;
    const nextDay = addLocalDays(toLocalDateTime(now, timezone), couple.sessionInDays);
    const next = fromLocalDateTime({ ...nextDay, hour: SESSION_HOUR, minute: 0, second: 0 }, timezone);
    const first = fromLocalDateTime(
      { ...addLocalDays(nextDay, -7 * PAST_WEEKS), hour: SESSION_HOUR, minute: 0, second: 0 },
      timezone,
    );
    const starts = planOccurrences(first, timezone, 'weekly', PAST_WEEKS + FUTURE_WEEKS);
    const story = STORIES[couple.id] ?? {};
    const seriesId = couple.id.replace(/c(\d)$/, 'e$1');
    for (const [i, startsAt] of starts.entries()) {
      const weeksAgo = Math.round((next - startsAt) / (7 * 86_400_000));
      let status: SessionStatus = startsAt + 50 * 60_000 <= now ? 'held' : 'scheduled';
      let attendance: [PartnerAttendance, PartnerAttendance] | null =
        status === 'held' ? ['attended', 'attended'] : null;
      let reason: string | null = null;
      if (status === 'held' && story.cancelled?.weeksAgo === weeksAgo) {
        status = 'cancelled';
        attendance = null;
        reason = story.cancelled.reason;
      } else if (status === 'held' && story.noShow === weeksAgo) {
        status = 'no_show';
        attendance = ['absent', 'absent'];
      } else if (status === 'held' && story.partial?.weeksAgo === weeksAgo) attendance = story.partial.attendance;
      await m.query(
        `INSERT INTO session (clinic_id, couple_id, therapist_id, series_id, frequency, starts_at, duration_minutes,
           location, status, cancel_reason, cancelled_at, attendance_partner1, attendance_partner2)
         VALUES ($1, $2, $3, $4, 'weekly', $5, 50, $6, $7, $8, CASE WHEN $7 = 'cancelled' THEN $5::timestamptz - interval '1 day' END, $9, $10)`,
        [
          clinicId,
          couple.id,
          therapistId,
          seriesId,
          new Date(startsAt).toISOString(),
          i % 3 === 2 ? null : 'Room 2',
          status,
          reason,
          attendance?.[0] ?? null,
          attendance?.[1] ?? null,
        ],
      );
    }
    await m.query(`UPDATE couple SET next_session_at = ${nextSessionSql('$1')} WHERE id = $1`, [couple.id]);
    await planPreSessionDigestInTransaction(m, clinicId, couple.id);
  }
}
