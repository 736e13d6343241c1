import type { AssignmentSeriesView, SeriesRhythmChoice } from '@trellis/contracts';
import { toLocalInputValue } from '../../common/dates';

/** "Repeat" in the assign dialog: not at all, or one of the API's rhythms. */
export const REPEAT_CHOICES: { id: 'none' | SeriesRhythmChoice; name: string }[] = [
  { id: 'none', name: 'Does not repeat' },
  { id: 'weekly', name: 'Every week' },
  { id: 'fortnightly', name: 'Every two weeks' },
  { id: 'weekdays', name: 'On chosen weekdays…' },
];

/** Monday first, as people read a week; the API counts 0 = Sunday … 6 = Saturday. */
export const WEEKDAY_CHOICES = [
  { id: 1, name: 'Monday' },
  { id: 2, name: 'Tuesday' },
  { id: 3, name: 'Wednesday' },
  { id: 4, name: 'Thursday' },
  { id: 5, name: 'Friday' },
  { id: 6, name: 'Saturday' },
  { id: 0, name: 'Sunday' },
];

export const ENDS_CHOICES = [
  { id: 'count', name: 'After a number of times' },
  { id: 'date', name: 'On a date' },
];

export const SERIES_MAX_COUNT = 104;

/** `POST /assignment-series` */
export interface SeriesBody {
  coupleId: string;
  exerciseId: string;
  rhythm: SeriesRhythmChoice;
  weekdays?: number[];
  dueTime: string;
  startsOn: string;
  count?: number;
  endsOn?: string;
  message?: string;
  shareAnswersAfterBoth: boolean;
}

type Values = Record<string, unknown>;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export const isRepeating = (values: Values): boolean =>
  typeof values.repeat === 'string' && values.repeat !== '' && values.repeat !== 'none';

const weekdaysOf = (value: unknown): number[] => [
  ...new Set((Array.isArray(value) ? value : []).map(Number).filter((d) => Number.isInteger(d) && d >= 0 && d <= 6)),
];

/**
 * The first due date-time as the series' wall clock: the date and time the "Due" input shows (the
 * therapist's clock, which the series reads as the clinic's).
 */
const firstDue = (values: Values): { startsOn: string; dueTime: string } | null => {
  const local = toLocalInputValue(typeof values.dueAt === 'string' ? values.dueAt : null);
  return local ? { startsOn: local.slice(0, 10), dueTime: local.slice(11, 16) } : null;
};

/** Problems with the repeat part of the assign form, keyed like the API's field errors. */
export const seriesProblems = (values: Values): Record<string, string> => {
  if (!isRepeating(values)) return {};
  const problems: Record<string, string> = {};
  if (values.repeat === 'weekdays' && weekdaysOf(values.weekdays).length === 0)
    problems.weekdays = 'Choose at least one day.';
  if (values.ends === 'date') {
    const endsOn = typeof values.endsOn === 'string' ? values.endsOn.slice(0, 10) : '';
    const first = firstDue(values);
    if (!DATE.test(endsOn)) problems.endsOn = 'Choose the last date.';
    else if (first && endsOn < first.startsOn) problems.endsOn = 'Choose a date on or after the first due date.';
  } else {
    const count = Number(values.count);
    if (!Number.isInteger(count) || count < 1 || count > SERIES_MAX_COUNT)
      problems.count = `Choose a whole number from 1 to ${SERIES_MAX_COUNT}.`;
  }
  return problems;
};

/** The assign form's values as a series for one couple. */
export const seriesBody = (values: Values, coupleId: string): SeriesBody => {
  const rhythm = values.repeat as SeriesRhythmChoice;
  const first = firstDue(values) ?? { startsOn: '', dueTime: '' };
  const message = typeof values.message === 'string' ? values.message.trim() : '';
  return {
    coupleId,
    exerciseId: typeof values.exerciseId === 'string' ? values.exerciseId : '',
    rhythm,
    ...(rhythm === 'weekdays' ? { weekdays: weekdaysOf(values.weekdays) } : {}),
    ...first,
    ...(values.ends === 'date'
      ? { endsOn: String(values.endsOn ?? '').slice(0, 10) }
      : { count: Number(values.count) }),
    ...(message ? { message } : {}),
    shareAnswersAfterBoth: values.shareAnswersAfterBoth === true,
  };
};

const dayNames = (weekdays: readonly number[]): string => {
  const names = WEEKDAY_CHOICES.filter((c) => weekdays.includes(c.id)).map((c) => c.name);
  return names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
};

const weekdayOf = (date: string): number => new Date(`${date}T00:00:00Z`).getUTCDay();

const formatDay = (date: string, locale?: string): string =>
  new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));

/** "Every week on Monday at 18:00, 6 times" — what a series does, in words. */
export const describeSeries = (
  series: Pick<AssignmentSeriesView, 'rhythm' | 'weekdays' | 'dueTime' | 'startsOn' | 'endsOn' | 'count'>,
  locale?: string,
): string => {
  const when =
    series.rhythm === 'weekdays'
      ? `Every ${dayNames(series.weekdays)}`
      : `Every ${series.rhythm === 'weekly' ? 'week' : 'two weeks'} on ${dayNames([weekdayOf(series.startsOn)])}`;
  const end =
    series.count !== null
      ? `${series.count} ${series.count === 1 ? 'time' : 'times'}`
      : `until ${formatDay(series.endsOn ?? series.startsOn, locale)}`;
  return `${when} at ${series.dueTime}, ${end}`;
};

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Problems with the change-a-series form. */
export const seriesEditProblems = (values: Values): Record<string, string> => {
  const problems: Record<string, string> = {};
  if (typeof values.dueTime !== 'string' || !TIME.test(values.dueTime)) problems.dueTime = 'Choose a time like 18:00.';
  if (values.ends === 'date') {
    const endsOn = typeof values.endsOn === 'string' ? values.endsOn.slice(0, 10) : '';
    if (!DATE.test(endsOn)) problems.endsOn = 'Choose the last date.';
  } else {
    const count = Number(values.count);
    if (!Number.isInteger(count) || count < 1 || count > SERIES_MAX_COUNT)
      problems.count = `Choose a whole number from 1 to ${SERIES_MAX_COUNT}.`;
  }
  return problems;
};

/** `PATCH /assignment-series/<id>`: only what changed, and one end (a date or a count). */
export const seriesEditBody = (
  values: Values,
  series: Pick<AssignmentSeriesView, 'dueTime' | 'message' | 'endsOn' | 'count'>,
): Record<string, unknown> => {
  const body: Record<string, unknown> = {};
  if (values.dueTime !== series.dueTime) body.dueTime = values.dueTime;
  const message = typeof values.message === 'string' ? values.message.trim() : '';
  if (message !== series.message) body.message = message;
  if (values.ends === 'date') {
    const endsOn = String(values.endsOn ?? '').slice(0, 10);
    if (endsOn !== series.endsOn) body.endsOn = endsOn;
  } else if (Number(values.count) !== series.count) body.count = Number(values.count);
  return body;
};
