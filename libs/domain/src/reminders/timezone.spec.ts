import { addLocalDays, fromLocalDateTime, isValidTimeZone, timeZoneOffsetMs, toLocalDateTime } from './timezone';

const HOUR = 3_600_000;
const at = (iso: string) => Date.parse(iso);

describe('isValidTimeZone', () => {
  it.each(['Europe/Berlin', 'Pacific/Auckland', 'America/New_York', 'UTC', 'Asia/Kolkata'])('accepts %s', (zone) => {
    expect(isValidTimeZone(zone)).toBe(true);
  });

  it.each(['Mars/Olympus', 'Europe/Berln', '', ' ', 'x'.repeat(65), null, 42])('rejects %p', (zone) => {
    expect(isValidTimeZone(zone)).toBe(false);
  });
});

describe('toLocalDateTime / timeZoneOffsetMs', () => {
  it('reads the wall clock on both sides of the Berlin autumn change', () => {
    expect(toLocalDateTime(at('2025-10-26T00:30:00Z'), 'Europe/Berlin')).toEqual({
      year: 2025,
      month: 10,
      day: 26,
      hour: 2,
      minute: 30,
      second: 0,
    });
    expect(toLocalDateTime(at('2025-10-26T01:30:00Z'), 'Europe/Berlin').hour).toBe(2);
    expect(timeZoneOffsetMs(at('2025-10-26T00:30:00Z'), 'Europe/Berlin')).toBe(2 * HOUR);
    expect(timeZoneOffsetMs(at('2025-10-26T01:30:00Z'), 'Europe/Berlin')).toBe(1 * HOUR);
  });

  it('shows midnight as hour 0, not 24', () => {
    expect(toLocalDateTime(at('2025-06-01T22:00:00Z'), 'Europe/Berlin')).toMatchObject({ day: 2, hour: 0 });
  });

  it('handles zones a day ahead of UTC and half-hour offsets', () => {
    expect(toLocalDateTime(at('2025-01-14T20:00:00Z'), 'Pacific/Auckland')).toMatchObject({ day: 15, hour: 9 });
    expect(timeZoneOffsetMs(at('2025-07-01T00:00:00Z'), 'Pacific/Auckland')).toBe(12 * HOUR);
    expect(timeZoneOffsetMs(at('2025-07-01T00:00:00Z'), 'Asia/Kolkata')).toBe(5.5 * HOUR);
  });
});

describe('fromLocalDateTime', () => {
  const wall = (year: number, month: number, day: number, hour: number, minute = 0) => ({
    year,
    month,
    day,
    hour,
    minute,
    second: 0,
  });

  it('round-trips ordinary times', () => {
    expect(fromLocalDateTime(wall(2025, 10, 27, 8), 'Europe/Berlin')).toBe(at('2025-10-27T07:00:00Z'));
    expect(fromLocalDateTime(wall(2025, 10, 25, 8), 'Europe/Berlin')).toBe(at('2025-10-25T06:00:00Z'));
    expect(fromLocalDateTime(wall(2025, 1, 15, 8), 'Pacific/Auckland')).toBe(at('2025-01-14T19:00:00Z'));
  });

  it('picks the earlier instant for a time that happens twice (clocks go back)', () => {
    expect(fromLocalDateTime(wall(2025, 10, 26, 2, 30), 'Europe/Berlin')).toBe(at('2025-10-26T00:30:00Z'));
  });

  it('moves a skipped time forward by the size of the gap (clocks go forward)', () => {
    expect(fromLocalDateTime(wall(2025, 3, 30, 2, 30), 'Europe/Berlin')).toBe(at('2025-03-30T01:30:00Z'));
    expect(toLocalDateTime(at('2025-03-30T01:30:00Z'), 'Europe/Berlin')).toMatchObject({ hour: 3, minute: 30 });
  });
});

describe('addLocalDays', () => {
  it('rolls over month and year ends', () => {
    expect(addLocalDays({ year: 2025, month: 12, day: 31, hour: 23, minute: 5, second: 0 }, 1)).toEqual({
      year: 2026,
      month: 1,
      day: 1,
      hour: 23,
      minute: 5,
      second: 0,
    });
  });
});
