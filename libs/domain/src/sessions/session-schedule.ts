import { addLocalDays, fromLocalDateTime, toLocalDateTime, type LocalDateTime } from '../reminders/timezone';

/**
 * The schedule's rules: when the sessions of a series fall, how "all future" moves them, which
 * sessions occupy a therapist's time, and which one is a couple's next. Times are epoch
 * milliseconds; a series keeps its wall-clock time in the clinic's time zone across daylight-saving
 * changes (a 10:00 weekly session stays at 10:00 local, so its UTC instant shifts by an hour).
 */

export type SessionFrequency = 'weekly' | 'fortnightly';
export type ScheduleStatus = 'scheduled' | 'held' | 'cancelled' | 'no_show';

export const SESSION_MIN_MINUTES = 15;
export const SESSION_MAX_MINUTES = 240;
/** A series is booked as concrete sessions, at most a year of weekly ones. */
export const SERIES_MAX_OCCURRENCES = 52;

const MINUTE_MS = 60_000;
const FREQUENCY_DAYS: Record<SessionFrequency, number> = { weekly: 7, fortnightly: 14 };

/** The start of every session of a series: `count` occurrences, the first at `firstStartMs`. */
export function planOccurrences(
  firstStartMs: number,
  timeZone: string,
  frequency: SessionFrequency,
  count: number,
): number[] {
  const first = toLocalDateTime(firstStartMs, timeZone);
  const starts: number[] = [];
  for (let i = 0; i < count; i++) {
    starts.push(fromLocalDateTime(addLocalDays(first, i * FREQUENCY_DAYS[frequency]), timeZone));
  }
  return starts;
}

/** Whole local days from a to b (calendar dates only). */
function localDayDifference(a: LocalDateTime, b: LocalDateTime): number {
  return Math.round((Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / 86_400_000);
}

/**
 * "Move this and all future": the session at `fromMs` moves to `toMs`; a later session of the same
 * series at `occurrenceMs` moves by the same number of local days and to the same local time of
 * day, so Tuesday 10:00 → Wednesday 16:00 moves every following Tuesday 10:00 to that week's
 * Wednesday 16:00, whatever daylight saving did in between.
 */
export function moveOccurrence(fromMs: number, toMs: number, occurrenceMs: number, timeZone: string): number {
  const from = toLocalDateTime(fromMs, timeZone);
  const to = toLocalDateTime(toMs, timeZone);
  const occurrence = toLocalDateTime(occurrenceMs, timeZone);
  const shifted = addLocalDays(occurrence, localDayDifference(from, to));
  return fromLocalDateTime({ ...shifted, hour: to.hour, minute: to.minute, second: to.second }, timeZone);
}

export interface TimeSlot {
  readonly startsAtMs: number;
  readonly durationMinutes: number;
}

export function slotEndMs(slot: TimeSlot): number {
  return slot.startsAtMs + slot.durationMinutes * MINUTE_MS;
}

/** Cancelled sessions free the therapist's time; held, missed and scheduled ones occupy it. */
export function occupiesTherapist(status: ScheduleStatus): boolean {
  return status !== 'cancelled';
}

/** Half-open intervals: a session ending at 11:00 and one starting at 11:00 do not overlap. */
export function slotsOverlap(a: TimeSlot, b: TimeSlot): boolean {
  return a.startsAtMs < slotEndMs(b) && b.startsAtMs < slotEndMs(a);
}

export interface ScheduledSession extends TimeSlot {
  readonly status: ScheduleStatus;
}

/**
 * A couple's next session: the earliest still scheduled that has not ended yet (one in progress
 * is still "next"; one in the past whose outcome was not recorded is not). Null when none.
 * Its SQL twin is `NEXT_SESSION_SQL` in the sessions feature; the same cases run through both.
 */
export function nextSessionStart(sessions: readonly ScheduledSession[], nowMs: number): number | null {
  let next: number | null = null;
  for (const s of sessions) {
    if (s.status !== 'scheduled' || slotEndMs(s) <= nowMs) continue;
    if (next === null || s.startsAtMs < next) next = s.startsAtMs;
  }
  return next;
}

/**
 * A couple's last session: the latest that has started by `nowMs` and was held or is still
 * scheduled (in progress, or its outcome not recorded yet); cancelled and missed sessions are not
 * sessions a couple had. Null when none. The session check-out is about this one once it has
 * started, whatever is next by then. Its SQL twin is `lastSessionSql` in the sessions feature; the
 * same cases run through both.
 */
export function lastSessionStart(sessions: readonly ScheduledSession[], nowMs: number): number | null {
  let last: number | null = null;
  for (const s of sessions) {
    if ((s.status !== 'held' && s.status !== 'scheduled') || s.startsAtMs > nowMs) continue;
    if (last === null || s.startsAtMs > last) last = s.startsAtMs;
  }
  return last;
}
