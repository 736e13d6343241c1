import type { SessionChangeScope, SessionView, StaffMember } from '@trellis/contracts';

/**
 * What the calendar screen hands FullCalendar and the API, kept apart from the component so it is
 * tested without a browser: a session as a calendar event, the API's calendar query, the therapists
 * an admin can narrow to, and the body of a move. Times are instants; FullCalendar shows them in
 * the reader's own time zone (the browser's), as the couple's sessions tab does.
 */

export const STATUS_LABELS: Record<SessionView['status'], string> = {
  scheduled: 'Scheduled',
  held: 'Held',
  cancelled: 'Cancelled',
  no_show: 'No-show',
};

/** The fields of a FullCalendar event the screen uses (a structural subset of its `EventInput`). */
export interface SessionEvent {
  id: string;
  title: string;
  start: string;
  end: string;
  /** Only a scheduled session can move or change length (the API refuses the others). */
  editable: boolean;
  /** `trellis-session-<status>`, for the screen's styles. */
  className: string;
  extendedProps: { session: SessionView };
}

/**
 * A session as an event. Its title — couple, therapist (for admins), status when not scheduled —
 * follows the time on the block, and the two are its accessible name.
 */
export function sessionEvent(session: SessionView, showTherapist: boolean, showWhere = false): SessionEvent {
  const therapist = showTherapist ? ` · ${session.therapistName}` : '';
  const status = session.status === 'scheduled' ? '' : ` (${STATUS_LABELS[session.status]})`;
  // The agenda has room for where the session is; the week grid's blocks do not.
  const where = showWhere ? [session.location, session.videoUrl ? 'video' : null].filter(Boolean).join(', ') : '';
  return {
    id: session.id,
    title: `${session.coupleName}${therapist}${status}${where ? ` · ${where}` : ''}`,
    start: session.startsAt,
    end: session.endsAt,
    editable: session.status === 'scheduled',
    className: `trellis-session-${session.status}`,
    extendedProps: { session },
  };
}

/**
 * The hours the week grid shows, as FullCalendar's slotMinTime/slotMaxTime: 08–20 at least, widened
 * to every session in view (in the reader's zone).
 */
export function visibleHours(sessions: readonly SessionView[]): { slotMinTime: string; slotMaxTime: string } {
  let first = 8;
  let last = 20;
  for (const s of sessions) {
    const start = new Date(s.startsAt);
    const end = new Date(s.endsAt);
    first = Math.min(first, start.getHours());
    // A session ending after midnight runs to the end of the day it started on.
    const endHour = end.getDate() !== start.getDate() ? 24 : end.getHours() + (end.getMinutes() > 0 ? 1 : 0);
    last = Math.max(last, endHour);
  }
  const hh = (h: number) => `${String(h).padStart(2, '0')}:00:00`;
  return { slotMinTime: hh(first), slotMaxTime: hh(Math.min(24, last)) };
}

/** The API's calendar query for what the calendar shows (FullCalendar's visible range). */
export function calendarQuery(range: { start: Date; end: Date }, therapistId?: string): URLSearchParams {
  const params = new URLSearchParams({ from: range.start.toISOString(), to: range.end.toISOString() });
  if (therapistId) params.set('therapistId', therapistId);
  return params;
}

/** The staff list query for the therapist filter: every active therapist of the clinic, by name. */
export const THERAPISTS_QUERY = new URLSearchParams({
  role: 'therapist',
  status: 'active',
  sort: 'name',
  order: 'ASC',
  perPage: '100',
});

/**
 * The therapists an admin can narrow the calendar to: every active therapist (so one with an empty
 * week can still be chosen), plus anyone else whose sessions are in view (a deactivated therapist's
 * leftover sessions), sorted by name.
 */
export function therapistChoices(
  staff: readonly Pick<StaffMember, 'id' | 'name'>[],
  sessions: readonly SessionView[],
): { id: string; name: string }[] {
  const names = new Map(staff.map((s) => [s.id, s.name]));
  for (const s of sessions) if (!names.has(s.therapistId)) names.set(s.therapistId, s.therapistName);
  return [...names.entries()].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name));
}

export interface RescheduleBody {
  startsAt?: string;
  durationMinutes?: number;
  scope?: SessionChangeScope;
}

/**
 * The PATCH /sessions/:id body for a drag or a resize: the new start when it moved, the new length
 * when it changed, and the scope only for a series (a one-off has nothing later to move).
 */
export function rescheduleBody(
  session: SessionView,
  start: Date,
  end: Date,
  scope: SessionChangeScope = 'this',
): RescheduleBody {
  const body: RescheduleBody = {};
  if (start.getTime() !== new Date(session.startsAt).getTime()) body.startsAt = start.toISOString();
  const minutes = Math.round((end.getTime() - start.getTime()) / 60_000);
  if (minutes !== session.durationMinutes) body.durationMinutes = minutes;
  if (session.seriesId && scope === 'following') body.scope = 'following';
  return body;
}
