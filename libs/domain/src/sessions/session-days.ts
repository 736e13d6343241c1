import { type Instant, toEpochMs } from '../shared/instant';
import { isValidTimeZone, toLocalDateTime } from '../reminders/timezone';
import type { ScheduleStatus } from './session-schedule';

/** A session as the couple's session days see it: when it started and what became of it. */
export interface SessionDayRecord {
  readonly startsAt: Instant;
  readonly status: ScheduleStatus;
}

/** A session note as the couple's session days see it: its session's date (the clinic's day), and whether it is an addendum. */
export interface NoteDayRecord {
  /** YYYY-MM-DD. */
  readonly sessionDate: string;
  readonly addendum: boolean;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The day (YYYY-MM-DD) on the wall clock of `timeZone` at `epochMs`. */
export function localDateOf(epochMs: number, timeZone: string): string {
  const local = toLocalDateTime(epochMs, timeZone);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${local.year}-${pad(local.month)}-${pad(local.day)}`;
}

/**
 * "The couple's session days": the days, on the clinic's clock, on which a session was held, one
 * per day however many records say so, oldest first. A day counts when a session was held on it
 * (cancelled, missed and still-scheduled ones do not) or when a session note (not an addendum)
 * is dated on it: notes written before sessions were first-class records are the only trace of
 * those sessions, and a held session with its note is the same day, counted once.
 *
 * The progress chart marks these days and the off-track rule counts them since the baseline. Its
 * SQL twin is `coupleSessionDaysSql` in libs/features/src/sessions/held-session-days.sql.ts; the
 * off-track twin test runs the same cases through both. Pure; throws RangeError for bad input.
 */
export function coupleSessionDays(
  sessions: readonly SessionDayRecord[],
  notes: readonly NoteDayRecord[],
  timeZone: string,
): string[] {
  if (!isValidTimeZone(timeZone)) throw new RangeError(`Unknown time zone: ${String(timeZone)}`);
  const days = new Set<string>();
  for (const session of sessions) {
    if (session.status === 'held') days.add(localDateOf(toEpochMs(session.startsAt, 'startsAt'), timeZone));
  }
  for (const note of notes) {
    if (!DATE.test(note.sessionDate) || !Number.isFinite(Date.parse(`${note.sessionDate}T00:00:00Z`)))
      throw new RangeError(`sessionDate must be a date YYYY-MM-DD: ${note.sessionDate}`);
    if (!note.addendum) days.add(note.sessionDate);
  }
  return [...days].sort();
}
