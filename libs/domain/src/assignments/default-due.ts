import { addLocalDays, fromLocalDateTime, isValidTimeZone, toLocalDateTime } from '../reminders/timezone';

const HOUR_MS = 60 * 60 * 1000;

/** Without a next session: homework is due a week ahead, in the evening (the therapist's time). */
export const DEFAULT_DUE_DAYS_AHEAD = 7;
export const DEFAULT_DUE_LOCAL_HOUR = 18;
/** With one: due this long before the session, so the therapist can read both answers beforehand. */
export const DUE_BEFORE_SESSION_HOURS = 24;
/** A due date this close to now leaves the couple too little time to do the homework. */
export const MIN_HOURS_TO_DO_HOMEWORK = 12;
/** Too late for that: due this long before the session still beats being due after it. */
export const LAST_RESORT_BEFORE_SESSION_HOURS = 2;

export interface DefaultDueInput {
  now: Date;
  /** The therapist's IANA time zone: the week-ahead default is 18:00 on their clock. */
  timeZone: string;
  /** The next sessions of the couples being given the homework; the earliest upcoming one counts. */
  nextSessions?: readonly (Date | string | null | undefined)[];
}

/**
 * The due date a new homework starts with (the therapist can change it). Homework is for the next
 * session, so when one is known it is due `DUE_BEFORE_SESSION_HOURS` before it; when that leaves
 * under `MIN_HOURS_TO_DO_HOMEWORK`, `LAST_RESORT_BEFORE_SESSION_HOURS` before it; when even that
 * has passed (the session is about to start) or no session is known, a week ahead at 18:00 local.
 */
export function defaultDueAt({ now, timeZone, nextSessions = [] }: DefaultDueInput): Date {
  const nowMs = now.getTime();
  const upcoming = nextSessions
    .filter((s): s is Date | string => s !== null && s !== undefined && s !== '')
    .map((s) => new Date(s).getTime())
    .filter((ms) => Number.isFinite(ms) && ms > nowMs)
    .sort((a, b) => a - b);
  const session = upcoming[0];
  if (session !== undefined) {
    const dayBefore = session - DUE_BEFORE_SESSION_HOURS * HOUR_MS;
    if (dayBefore >= nowMs + MIN_HOURS_TO_DO_HOMEWORK * HOUR_MS) return new Date(dayBefore);
    const lastResort = session - LAST_RESORT_BEFORE_SESSION_HOURS * HOUR_MS;
    if (lastResort > nowMs) return new Date(lastResort);
  }
  const zone = isValidTimeZone(timeZone) ? timeZone : 'UTC';
  const weekAhead = addLocalDays(toLocalDateTime(nowMs, zone), DEFAULT_DUE_DAYS_AHEAD);
  return new Date(fromLocalDateTime({ ...weekAhead, hour: DEFAULT_DUE_LOCAL_HOUR, minute: 0, second: 0 }, zone));
}
