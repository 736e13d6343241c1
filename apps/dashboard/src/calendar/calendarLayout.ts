import type { SessionView } from '@trellis/contracts';

/**
 * The calendar's arithmetic, in the reader's own time zone (the browser's): which week a day is in,
 * where a session sits in the week grid, and where a dropped session lands. Pure, so it is tested
 * without a browser.
 */

const MINUTE_MS = 60_000;
export const DAY_MS = 24 * 60 * MINUTE_MS;
/** Drops snap to a quarter of an hour. */
export const SNAP_MINUTES = 15;

/** Monday 00:00 (local) of the week `date` is in. */
export function weekStart(date: Date): Date {
  const start = new Date(date.getFullYear(), date.getMonth(), date.getDate());
  const fromMonday = (start.getDay() + 6) % 7;
  start.setDate(start.getDate() - fromMonday);
  return start;
}

/** The seven local midnights of the week starting at `monday` (DST-safe: calendar days, not 24 h steps). */
export function weekDays(monday: Date): Date[] {
  return Array.from({ length: 7 }, (_, i) => new Date(monday.getFullYear(), monday.getMonth(), monday.getDate() + i));
}

/** The local midnight `weeks` weeks after `monday`. */
export function addWeeks(monday: Date, weeks: number): Date {
  return new Date(monday.getFullYear(), monday.getMonth(), monday.getDate() + 7 * weeks);
}

/** The hours the week grid shows: 08–20 at least, widened to every session in it. */
export function visibleHours(sessions: readonly SessionView[]): { first: number; last: number } {
  let first = 8;
  let last = 20;
  for (const s of sessions) {
    const start = new Date(s.startsAt);
    const end = new Date(s.endsAt);
    first = Math.min(first, start.getHours());
    last = Math.max(last, end.getHours() + (end.getMinutes() > 0 ? 1 : 0));
  }
  return { first, last: Math.min(24, last) };
}

export interface PlacedSession {
  session: SessionView;
  /** 0 = Monday. */
  day: number;
  /** Minutes from the grid's first hour to the start, and the length shown. */
  top: number;
  height: number;
}

/** Each session of the week in its day column (a session is shown on the day it starts). */
export function placeSessions(sessions: readonly SessionView[], monday: Date, firstHour: number): PlacedSession[] {
  const days = weekDays(monday);
  const placed: PlacedSession[] = [];
  for (const session of sessions) {
    const start = new Date(session.startsAt);
    const day = days.findIndex((d) => sameLocalDay(d, start));
    if (day < 0) continue;
    const top = (start.getHours() - firstHour) * 60 + start.getMinutes();
    placed.push({ session, day, top, height: Math.max(SNAP_MINUTES, session.durationMinutes) });
  }
  return placed;
}

/** Where a session dropped `minutesFromTop` down the column of `day` starts, snapped to the quarter hour. */
export function dropTime(day: Date, firstHour: number, minutesFromTop: number): Date {
  const snapped = Math.max(0, Math.round(minutesFromTop / SNAP_MINUTES) * SNAP_MINUTES);
  return new Date(day.getFullYear(), day.getMonth(), day.getDate(), firstHour, snapped);
}

export function sameLocalDay(a: Date, b: Date): boolean {
  return a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() && a.getDate() === b.getDate();
}

/** The agenda: sessions grouped by local day, earliest first, days without sessions left out. */
export function agendaDays(sessions: readonly SessionView[]): { day: Date; sessions: SessionView[] }[] {
  const groups: { day: Date; sessions: SessionView[] }[] = [];
  for (const session of [...sessions].sort((a, b) => a.startsAt.localeCompare(b.startsAt))) {
    const start = new Date(session.startsAt);
    const last = groups[groups.length - 1];
    if (last && sameLocalDay(last.day, start)) last.sessions.push(session);
    else groups.push({ day: new Date(start.getFullYear(), start.getMonth(), start.getDate()), sessions: [session] });
  }
  return groups;
}

/** The API's calendar query for the weeks starting at `monday`. */
export function calendarPath(monday: Date, weeks: number, therapistId?: string): string {
  const params = new URLSearchParams({
    from: monday.toISOString(),
    to: addWeeks(monday, weeks).toISOString(),
  });
  if (therapistId) params.set('therapistId', therapistId);
  return `/sessions?${params.toString()}`;
}

export const STATUS_LABELS: Record<SessionView['status'], string> = {
  scheduled: 'Scheduled',
  held: 'Held',
  cancelled: 'Cancelled',
  no_show: 'No-show',
};
