import {
  lastSessionStart,
  moveOccurrence,
  nextSessionStart,
  occupiesTherapist,
  planOccurrences,
  slotsOverlap,
  type ScheduledSession,
} from './session-schedule';

const at = (iso: string) => Date.parse(iso);
const iso = (ms: number) => new Date(ms).toISOString();

describe('planOccurrences', () => {
  it('keeps a weekly Berlin series at 10:00 local across the autumn change (UTC shifts an hour)', () => {
    const starts = planOccurrences(at('2025-10-14T08:00:00Z'), 'Europe/Berlin', 'weekly', 4).map(iso);
    expect(starts).toEqual([
      '2025-10-14T08:00:00.000Z',
      '2025-10-21T08:00:00.000Z',
      '2025-10-28T09:00:00.000Z',
      '2025-11-04T09:00:00.000Z',
    ]);
  });

  it('keeps a fortnightly New York series at 18:30 local across the spring change', () => {
    const starts = planOccurrences(at('2025-03-04T23:30:00Z'), 'America/New_York', 'fortnightly', 3).map(iso);
    expect(starts).toEqual(['2025-03-04T23:30:00.000Z', '2025-03-18T22:30:00.000Z', '2025-04-01T22:30:00.000Z']);
  });

  it('follows the southern hemisphere, where the clocks change the other way (Auckland, April)', () => {
    const starts = planOccurrences(at('2025-03-31T20:00:00Z'), 'Pacific/Auckland', 'weekly', 2).map(iso);
    // 09:00 NZDT (+13) on 1 April, then 09:00 NZST (+12) on 8 April.
    expect(starts).toEqual(['2025-03-31T20:00:00.000Z', '2025-04-07T21:00:00.000Z']);
  });

  it('plans exactly one for a count of one', () => {
    expect(planOccurrences(at('2025-06-01T10:00:00Z'), 'UTC', 'weekly', 1)).toEqual([at('2025-06-01T10:00:00Z')]);
  });
});

describe('moveOccurrence ("this and all future")', () => {
  it('moves a later occurrence by the same local days and to the same local time, across DST', () => {
    // Tue 14 Oct 10:00 Berlin → Wed 15 Oct 16:00; the Tue 28 Oct 10:00 (after the change) → Wed 29 Oct 16:00 CET.
    const moved = moveOccurrence(
      at('2025-10-14T08:00:00Z'),
      at('2025-10-15T14:00:00Z'),
      at('2025-10-28T09:00:00Z'),
      'Europe/Berlin',
    );
    expect(iso(moved)).toBe('2025-10-29T15:00:00.000Z');
  });

  it('moves the session itself to exactly the new time', () => {
    expect(
      moveOccurrence(
        at('2025-10-14T08:00:00Z'),
        at('2025-10-13T07:15:00Z'),
        at('2025-10-14T08:00:00Z'),
        'Europe/Berlin',
      ),
    ).toBe(at('2025-10-13T07:15:00Z'));
  });

  it('works in a zone ahead of UTC where the local date differs from the UTC date', () => {
    // 08:00 Auckland on Tue 2 Sep is Mon 1 Sep 20:00 UTC; moving to 11:00 the same day moves next week's too.
    const moved = moveOccurrence(
      at('2025-09-01T20:00:00Z'),
      at('2025-09-01T23:00:00Z'),
      at('2025-09-08T20:00:00Z'),
      'Pacific/Auckland',
    );
    expect(iso(moved)).toBe('2025-09-08T23:00:00.000Z');
  });
});

describe('overlap', () => {
  const slot = (start: string, minutes: number) => ({ startsAtMs: at(start), durationMinutes: minutes });
  it.each([
    ['back to back', slot('2026-01-05T10:00:00Z', 60), slot('2026-01-05T11:00:00Z', 60), false],
    ['one inside the other', slot('2026-01-05T10:00:00Z', 120), slot('2026-01-05T10:30:00Z', 30), true],
    ['a minute over', slot('2026-01-05T10:00:00Z', 61), slot('2026-01-05T11:00:00Z', 60), true],
    ['same start', slot('2026-01-05T10:00:00Z', 15), slot('2026-01-05T10:00:00Z', 15), true],
    ['apart', slot('2026-01-05T10:00:00Z', 50), slot('2026-01-05T12:00:00Z', 50), false],
  ])('%s', (_name, a, b, expected) => {
    expect(slotsOverlap(a, b)).toBe(expected);
    expect(slotsOverlap(b, a)).toBe(expected);
  });

  it('cancelled sessions free the time; every other status occupies it', () => {
    expect(occupiesTherapist('cancelled')).toBe(false);
    expect(occupiesTherapist('scheduled')).toBe(true);
    expect(occupiesTherapist('held')).toBe(true);
    expect(occupiesTherapist('no_show')).toBe(true);
  });
});

describe('nextSessionStart', () => {
  const now = at('2026-01-05T12:00:00Z');
  const s = (start: string, status: ScheduledSession['status'] = 'scheduled', minutes = 50): ScheduledSession => ({
    startsAtMs: at(start),
    durationMinutes: minutes,
    status,
  });
  it('is the earliest scheduled session not yet ended', () => {
    expect(nextSessionStart([s('2026-01-09T10:00:00Z'), s('2026-01-06T10:00:00Z')], now)).toBe(
      at('2026-01-06T10:00:00Z'),
    );
  });
  it('counts a session in progress, not one already over', () => {
    expect(nextSessionStart([s('2026-01-05T11:30:00Z')], now)).toBe(at('2026-01-05T11:30:00Z'));
    expect(nextSessionStart([s('2026-01-05T11:00:00Z')], now)).toBeNull();
  });
  it('skips cancelled, held and missed sessions', () => {
    expect(
      nextSessionStart(
        [s('2026-01-06T10:00:00Z', 'cancelled'), s('2026-01-05T11:30:00Z', 'held'), s('2026-01-07T10:00:00Z')],
        now,
      ),
    ).toBe(at('2026-01-07T10:00:00Z'));
  });
  it('is null with no sessions', () => {
    expect(nextSessionStart([], now)).toBeNull();
  });
});

describe('lastSessionStart', () => {
  const now = at('2026-01-05T12:00:00Z');
  const s = (start: string, status: ScheduledSession['status'] = 'scheduled', minutes = 50): ScheduledSession => ({
    startsAtMs: at(start),
    durationMinutes: minutes,
    status,
  });
  it('is the latest session that has started, held or not yet recorded', () => {
    expect(lastSessionStart([s('2026-01-01T10:00:00Z', 'held'), s('2026-01-03T10:00:00Z', 'held')], now)).toBe(
      at('2026-01-03T10:00:00Z'),
    );
    expect(lastSessionStart([s('2026-01-03T10:00:00Z', 'held'), s('2026-01-05T09:00:00Z')], now)).toBe(
      at('2026-01-05T09:00:00Z'),
    );
  });
  it('counts a session in progress and one starting this instant, not one still ahead', () => {
    expect(lastSessionStart([s('2026-01-05T11:30:00Z'), s('2026-01-07T10:00:00Z')], now)).toBe(
      at('2026-01-05T11:30:00Z'),
    );
    expect(lastSessionStart([s('2026-01-05T12:00:00Z')], now)).toBe(now);
    expect(lastSessionStart([s('2026-01-05T12:00:01Z')], now)).toBeNull();
  });
  it('skips cancelled and missed sessions', () => {
    expect(
      lastSessionStart(
        [
          s('2026-01-01T10:00:00Z', 'held'),
          s('2026-01-04T10:00:00Z', 'no_show'),
          s('2026-01-05T10:00:00Z', 'cancelled'),
        ],
        now,
      ),
    ).toBe(at('2026-01-01T10:00:00Z'));
    expect(lastSessionStart([s('2026-01-05T10:00:00Z', 'cancelled')], now)).toBeNull();
    expect(lastSessionStart([], now)).toBeNull();
  });
});
