/**
 * Just enough IANA time-zone arithmetic for reminders and digests, using only Intl.DateTimeFormat
 * (full ICU ships with Node ≥ 13 and every modern browser).
 */

/** A wall-clock date and time in some time zone; month is 1–12. */
export interface LocalDateTime {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** True for an IANA zone name the runtime knows, e.g. "Europe/Berlin" or "UTC". */
export function isValidTimeZone(timeZone: unknown): timeZone is string {
  if (typeof timeZone !== 'string' || timeZone.trim() === '' || timeZone.length > 64) return false;
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The wall-clock time at `epochMs` in `timeZone` (seconds precision). Throws RangeError for an unknown zone. */
export function toLocalDateTime(epochMs: number, timeZone: string): LocalDateTime {
  const fields: Record<string, string> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(epochMs))) fields[part.type] = part.value;
  return {
    year: Number(fields['year']),
    month: Number(fields['month']),
    day: Number(fields['day']),
    hour: Number(fields['hour']),
    minute: Number(fields['minute']),
    second: Number(fields['second']),
  };
}

/** The wall-clock time read as if it were UTC; used to compare wall times and to compute offsets. */
function wallAsUtcMs(local: LocalDateTime): number {
  return Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second);
}

/** The zone's offset from UTC at `epochMs`, in milliseconds (Berlin in summer: +7 200 000). */
export function timeZoneOffsetMs(epochMs: number, timeZone: string): number {
  const wholeSecond = Math.floor(epochMs / 1000) * 1000;
  return wallAsUtcMs(toLocalDateTime(wholeSecond, timeZone)) - wholeSecond;
}

/**
 * The instant at which the wall clock in `timeZone` shows `local`. Like Temporal's "compatible"
 * disambiguation: a time that occurs twice (clocks going back) resolves to the earlier instant; a
 * time skipped by clocks going forward resolves to the same distance after the gap (02:30 → 03:30).
 * Minutes and seconds are taken as given; day/month overflow is normalized like Date.UTC.
 */
export function fromLocalDateTime(local: LocalDateTime, timeZone: string): number {
  const wallMs = wallAsUtcMs(local);
  const day = 24 * 60 * 60 * 1000;
  // The real instant lies within ±14 h of wallMs, so these two offsets bracket any transition near it.
  const offsetBefore = timeZoneOffsetMs(wallMs - day, timeZone);
  const offsetAfter = timeZoneOffsetMs(wallMs + day, timeZone);
  const candidates = [wallMs - offsetBefore, wallMs - offsetAfter].sort((a, b) => a - b);
  const exact = candidates.find((candidate) => wallAsUtcMs(toLocalDateTime(candidate, timeZone)) === wallMs);
  return exact ?? wallMs - offsetBefore;
}

/** Calendar arithmetic on a local date (no time zone involved): the date `days` later. */
export function addLocalDays(local: LocalDateTime, days: number): LocalDateTime {
  const shifted = new Date(Date.UTC(local.year, local.month - 1, local.day + days));
  return {
    ...local,
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
  };
}
