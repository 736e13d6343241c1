import { ValidateBy, type ValidationOptions } from 'class-validator';

/**
 * The one date rule every date field shares. class-validator's `IsISO8601({ strict: true })` lets
 * through forms PostgreSQL cannot read or that `new Date()` reads differently (`2026-W52-1`,
 * `+2026-12-31T10:00:00Z`, `20261231`, `2026-12-31T10`, a date-time without an offset…), so those
 * became 500s or silently shifted times. Accepted here, and read the same by both:
 *
 * - `date`: `YYYY-MM-DD`;
 * - `date-time`: `YYYY-MM-DDTHH:MM[:SS[.sss]]` with `Z` or `±HH:MM` (no offset means "whose
 *   clock?": the server's and the database session's can differ);
 * - `date-or-date-time`: either.
 *
 * Years 0001–9999, a real calendar day, hours 00–23, offsets up to ±14:00, at most milliseconds.
 */
export type IsoDateForm = 'date' | 'date-time' | 'date-or-date-time';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?(?:Z|([+-])(\d{2}):(\d{2}))$/;

function isCalendarDay(year: number, month: number, day: number): boolean {
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  const date = new Date(Date.UTC(2000, month - 1, day));
  date.setUTCFullYear(year);
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export function isStrictIsoDate(value: unknown, form: IsoDateForm): boolean {
  if (typeof value !== 'string') return false;
  if (form !== 'date-time') {
    const date = DATE.exec(value);
    if (date) return isCalendarDay(Number(date[1]), Number(date[2]), Number(date[3]));
    if (form === 'date') return false;
  }
  const m = DATE_TIME.exec(value);
  if (!m) return false;
  const [, year, month, day, hour, minute, second = '0', , offsetHour = '0', offsetMinute = '0'] = m;
  return (
    isCalendarDay(Number(year), Number(month), Number(day)) &&
    Number(hour) <= 23 &&
    Number(minute) <= 59 &&
    Number(second) <= 59 &&
    Number(offsetHour) * 60 + Number(offsetMinute) <= 14 * 60 &&
    Number(offsetMinute) <= 59 &&
    !Number.isNaN(new Date(value).getTime())
  );
}

/** A body or query field holding a date in `form` (see {@link isStrictIsoDate}). */
export function IsIsoDate(form: IsoDateForm, options: ValidationOptions & { message: string }): PropertyDecorator {
  return ValidateBy(
    { name: 'isIsoDate', constraints: [form], validator: { validate: (value) => isStrictIsoDate(value, form) } },
    options,
  );
}
