import { fromLocalDateTime } from '../reminders/timezone';

/**
 * Recurring homework: when each occurrence of a series is due and when the series ends. Dates are
 * calendar dates in the clinic's time zone ('YYYY-MM-DD') and the due time is a wall-clock time
 * there, so "every Monday at 18:00" stays at 18:00 local across daylight-saving changes (its UTC
 * instant moves by an hour instead).
 *
 * A series never precomputes its dates: the next occurrence is always "the first date of the rule
 * after the last one", so an edit to the rule changes only what comes after what was already
 * issued (or passed over).
 */

export const SERIES_RHYTHMS = ['weekly', 'fortnightly', 'weekdays'] as const;
export type SeriesRhythm = (typeof SERIES_RHYTHMS)[number];

/** The most occurrences a count may ask for: two years of weekly homework. */
export const SERIES_MAX_COUNT = 104;

export interface SeriesRule {
  readonly rhythm: SeriesRhythm;
  /** For 'weekdays': the days it falls on, 0 = Sunday … 6 = Saturday. Ignored otherwise. */
  readonly weekdays: readonly number[];
  /** The due time, 'HH:MM' on the clinic's wall clock. */
  readonly dueTime: string;
  /**
   * The earliest due date. Weekly and fortnightly series fall on its weekday, fortnightly ones
   * every second week counted from it; a weekdays series starts on the first chosen day from it.
   */
  readonly startsOn: string;
  /** The last date an occurrence may fall on (inclusive), or null. */
  readonly endsOn: string | null;
  /** How many occurrences in all, or null. */
  readonly count: number | null;
}

/** An occurrence already issued or passed over: the point the next one is counted from. */
export interface SeriesPosition {
  readonly number: number;
  readonly date: string;
}

export interface SeriesOccurrence extends SeriesPosition {
  readonly dueAtMs: number;
}

const DAY_MS = 86_400_000;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Days since 1970-01-01 of a valid 'YYYY-MM-DD', or null when it is not a real date. */
export function localDateDays(date: string): number | null {
  const m = DATE.exec(date);
  if (!m) return null;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const back = new Date(ms);
  if (back.getUTCFullYear() !== Number(m[1]) || back.getUTCMonth() + 1 !== Number(m[2])) return null;
  if (back.getUTCDate() !== Number(m[3])) return null;
  return ms / DAY_MS;
}

function dateOfDays(days: number): string {
  return new Date(days * DAY_MS).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday. */
function weekdayOfDays(days: number): number {
  return (((days + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
}

export function isDueTime(value: string): boolean {
  return TIME.test(value);
}

/** The instant a series is due on `date` at its wall-clock due time in `timeZone`. */
export function seriesDueAtMs(date: string, dueTime: string, timeZone: string): number {
  const days = localDateDays(date);
  const time = TIME.exec(dueTime);
  if (days === null || !time) throw new RangeError(`not a series date and time: ${date} ${dueTime}`);
  const d = new Date(days * DAY_MS);
  return fromLocalDateTime(
    {
      year: d.getUTCFullYear(),
      month: d.getUTCMonth() + 1,
      day: d.getUTCDate(),
      hour: Number(time[1]),
      minute: Number(time[2]),
      second: 0,
    },
    timeZone,
  );
}

/** The first date of the rule on or after `fromDays` (days since epoch). */
function firstRuleDayFrom(rule: SeriesRule, start: number, fromDays: number): number | null {
  if (rule.rhythm === 'weekdays') {
    const days = new Set(rule.weekdays);
    if (days.size === 0) return null;
    const from = Math.max(start, fromDays);
    for (let d = from; d < from + 7; d++) if (days.has(weekdayOfDays(d))) return d;
    return null;
  }
  const step = rule.rhythm === 'weekly' ? 7 : 14;
  if (fromDays <= start) return start;
  return start + Math.ceil((fromDays - start) / step) * step;
}

/**
 * The occurrence after `last` (null: the series' first), or null when the series has ended: the
 * count is used up, or the next date falls after `endsOn`.
 */
export function nextSeriesOccurrence(
  rule: SeriesRule,
  timeZone: string,
  last: SeriesPosition | null,
): SeriesOccurrence | null {
  const number = (last?.number ?? 0) + 1;
  if (rule.count !== null && number > rule.count) return null;
  const start = localDateDays(rule.startsOn);
  if (start === null) throw new RangeError(`startsOn is not a date: ${rule.startsOn}`);
  const after = last === null ? null : localDateDays(last.date);
  const day = firstRuleDayFrom(rule, start, after === null ? start : after + 1);
  if (day === null) return null;
  const date = dateOfDays(day);
  if (rule.endsOn !== null && date > rule.endsOn) return null;
  return { number, date, dueAtMs: seriesDueAtMs(date, rule.dueTime, timeZone) };
}

/**
 * The first `limit` occurrences of a series (fewer when it ends sooner): for previews and tests
 * (a series itself only ever asks for the next one).
 */
export function seriesOccurrences(rule: SeriesRule, timeZone: string, limit: number): SeriesOccurrence[] {
  const out: SeriesOccurrence[] = [];
  let last: SeriesPosition | null = null;
  while (out.length < limit) {
    const next = nextSeriesOccurrence(rule, timeZone, last);
    if (!next) break;
    out.push(next);
    last = next;
  }
  return out;
}

/**
 * When to issue an occurrence: when the one before it falls due (the first at once). So a couple
 * has one open occurrence of a series at a time, each gets the whole interval to do it, and its
 * reminders are planned against its own due date like any homework.
 */
export function seriesIssueAtMs(previousDueAtMs: number | null, nowMs: number): number {
  return previousDueAtMs === null ? nowMs : Math.max(nowMs, previousDueAtMs);
}

/** What is wrong with a rule, per field (empty when it is valid). */
export function seriesRuleProblems(rule: SeriesRule): { field: string; message: string }[] {
  const problems: { field: string; message: string }[] = [];
  if (!SERIES_RHYTHMS.includes(rule.rhythm))
    problems.push({ field: 'rhythm', message: `must be one of ${SERIES_RHYTHMS.join(', ')}` });
  if (rule.rhythm === 'weekdays') {
    const valid = rule.weekdays.every((d) => Number.isInteger(d) && d >= 0 && d <= 6);
    if (rule.weekdays.length === 0 || !valid || new Set(rule.weekdays).size !== rule.weekdays.length)
      problems.push({ field: 'weekdays', message: 'must name one or more different days, 0 (Sunday) to 6 (Saturday)' });
  }
  if (!isDueTime(rule.dueTime)) problems.push({ field: 'dueTime', message: 'must be a time like 18:00' });
  if (localDateDays(rule.startsOn) === null)
    problems.push({ field: 'startsOn', message: 'must be a date like 2026-12-07' });
  if ((rule.endsOn === null) === (rule.count === null))
    problems.push({ field: 'endsOn', message: 'give exactly one of endsOn or count' });
  if (rule.endsOn !== null) {
    if (localDateDays(rule.endsOn) === null)
      problems.push({ field: 'endsOn', message: 'must be a date like 2027-03-01' });
    else if (rule.endsOn < rule.startsOn) problems.push({ field: 'endsOn', message: 'must not be before startsOn' });
  }
  if (rule.count !== null && (!Number.isInteger(rule.count) || rule.count < 1 || rule.count > SERIES_MAX_COUNT))
    problems.push({ field: 'count', message: `must be a whole number from 1 to ${SERIES_MAX_COUNT}` });
  return problems;
}
