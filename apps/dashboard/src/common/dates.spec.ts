import { describe, expect, it } from '@jest/globals';
import {
  defaultDueAt,
  formatCalendarDate,
  formatDateTime,
  formatShortDate,
  formatTime,
  isInFuture,
  isoOrNull,
  relativeTime,
  todayLocal,
  toLocalInputValue,
} from './dates';

const now = new Date('2026-05-01T12:00:00Z');

describe('dates', () => {
  it('turns input values into instants', () => {
    expect(isoOrNull('2026-05-01T16:00:00.000Z')).toBe('2026-05-01T16:00:00.000Z');
    expect(isoOrNull('')).toBeNull();
    expect(isoOrNull(undefined)).toBeNull();
    expect(isoOrNull('soon')).toBeNull();
  });

  it('formats instants and calendar dates', () => {
    expect(formatDateTime('2026-05-01T16:05:00Z', 'en-GB', 'Europe/London')).toBe('1 May 2026, 17:05');
    expect(formatDateTime(null)).toBe('');
    expect(formatCalendarDate('2026-05-01', 'en-GB')).toBe('1 May 2026');
    expect(formatCalendarDate('someday')).toBe('someday');
    expect(formatShortDate('2026-05-04', 'en-GB')).toBe('4 May');
    expect(formatShortDate('week 3')).toBe('week 3');
    expect(formatTime('2026-05-01T16:05:00Z', 'en-GB', 'Europe/London')).toBe('17:05');
    expect(formatTime(undefined)).toBe('');
  });

  it('says how far away something is', () => {
    expect(relativeTime('2026-05-04T12:00:00Z', now, 'en')).toBe('in 3 days');
    expect(relativeTime('2026-05-01T10:00:00Z', now, 'en')).toBe('2 hours ago');
    expect(relativeTime('2026-05-02T12:00:00Z', now, 'en')).toBe('tomorrow');
    expect(relativeTime('2026-05-01T12:00:20Z', now, 'en')).toBe('now');
    expect(relativeTime(null, now)).toBe('');
  });

  it('defaults homework to a week ahead at 18:00 local time', () => {
    const due = new Date(defaultDueAt(new Date(2026, 4, 1, 9, 30)));
    expect([due.getFullYear(), due.getMonth(), due.getDate(), due.getHours(), due.getMinutes()]).toEqual([
      2026, 4, 8, 18, 0,
    ]);
    expect(isInFuture(defaultDueAt(now), now)).toBe(true);
    // With a next session: before it (the rule and its time-zone cases are tested in libs/domain).
    expect(defaultDueAt(new Date('2026-05-01T09:00:00Z'), [null, '2026-05-05T15:00:00Z'])).toBe(
      '2026-05-04T15:00:00.000Z',
    );
    expect(isInFuture('2026-04-30T00:00:00Z', now)).toBe(false);
    expect(isInFuture(null, now)).toBe(false);
  });

  it('knows today’s local date', () => {
    expect(todayLocal(new Date(2026, 0, 9, 23, 59))).toBe('2026-01-09');
  });

  it('round-trips a datetime-local input value', () => {
    const local = toLocalInputValue('2026-05-01T16:05:00Z');
    expect(local).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
    expect(isoOrNull(local)).toBe('2026-05-01T16:05:00.000Z');
    expect(toLocalInputValue(null)).toBe('');
  });
});
