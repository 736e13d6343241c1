import { defaultDueAt as dueAtRule } from '@trellis/domain';
import { browserTimeZone } from './timeZones';

/** A date-time input's value (local `yyyy-MM-ddTHH:mm`, or ISO) as an ISO instant, or null when blank. */
export const isoOrNull = (value: unknown): string | null => {
  if (value === null || value === undefined || value === '') return null;
  const date = value instanceof Date ? value : new Date(String(value));
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
};

/** An instant as a `datetime-local` input's value (`yyyy-MM-ddTHH:mm`, local time); '' when unset. */
export const toLocalInputValue = (iso: string | null | undefined): string => {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
};

/** For react-admin's DateTimeInput: store an ISO instant, which is what the API takes and sends. */
export const parseDateTimeInput = (value: string): string | null => isoOrNull(value);

/** "1 May 2026, 17:00" in the reader's locale and zone. */
export const formatDateTime = (iso: string | null | undefined, locale?: string, timeZone?: string): string => {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(date);
};

/** A calendar date (`2026-05-01`, no time zone) as "1 May 2026". */
export const formatCalendarDate = (day: string, locale?: string): string => {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return day;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
};

/** A calendar date (`2026-05-04`) as a short label, "4 May": chart axes, where the year is known. */
export const formatShortDate = (day: string, locale?: string): string => {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return day;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(date);
};

/** The time of day of an instant, "17:05", in the reader's locale and zone. */
export const formatTime = (iso: string | null | undefined, locale?: string, timeZone?: string): string => {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return new Intl.DateTimeFormat(locale, { timeStyle: 'short', timeZone }).format(date);
};

/** Today as `yyyy-MM-dd` in the reader's zone (a session date defaults to it). */
export const todayLocal = (now: Date = new Date()): string => {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
};

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

/** "in 3 days", "2 hours ago", "now": how far an instant is from `now`, in the largest fitting unit. */
export const relativeTime = (iso: string | null | undefined, now: Date = new Date(), locale?: string): string => {
  if (!iso) return '';
  const at = new Date(iso).getTime();
  if (Number.isNaN(at)) return '';
  const seconds = Math.round((at - now.getTime()) / 1000);
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return format.format(Math.round(seconds / size), unit);
  }
  // Under a minute either way; RelativeTimeFormat would say "this minute".
  return 'now';
};

/**
 * The default due date for new homework, as an ISO instant: before the couples' next session when
 * one is known, else a week from now at 18:00 on this browser's clock (the rule is libs/domain's).
 */
export const defaultDueAt = (
  now: Date = new Date(),
  nextSessions: readonly (string | null | undefined)[] = [],
): string => dueAtRule({ now, timeZone: browserTimeZone(), nextSessions }).toISOString();

/** For validating due dates: must be later than now. */
export const isInFuture = (iso: string | null | undefined, now: Date = new Date()): boolean =>
  Boolean(iso) && new Date(iso as string).getTime() > now.getTime();
