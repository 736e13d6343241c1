import { coupleSessionDays, localDateOf } from './session-days';

describe('coupleSessionDays', () => {
  const held = (startsAt: string) => ({ startsAt, status: 'held' as const });
  const note = (sessionDate: string, addendum = false) => ({ sessionDate, addendum });

  it('counts held sessions, on the clinic’s clock, and notes, each day once, oldest first', () => {
    expect(
      coupleSessionDays(
        [held('2026-10-08T15:00:00Z'), held('2026-10-01T15:00:00Z'), held('2026-10-01T17:00:00Z')],
        [note('2026-10-08'), note('2026-09-24')],
        'UTC',
      ),
    ).toEqual(['2026-09-24', '2026-10-01', '2026-10-08']);
  });

  it('leaves out cancelled, no-show and still-scheduled sessions, and addenda', () => {
    expect(
      coupleSessionDays(
        [
          { startsAt: '2026-10-01T15:00:00Z', status: 'cancelled' },
          { startsAt: '2026-10-02T15:00:00Z', status: 'no_show' },
          { startsAt: '2026-10-03T15:00:00Z', status: 'scheduled' },
          held('2026-10-04T15:00:00Z'),
        ],
        [note('2026-10-05', true)],
        'UTC',
      ),
    ).toEqual(['2026-10-04']);
  });

  it('keeps a cancelled session’s day when a note says a session happened on it', () => {
    expect(
      coupleSessionDays([{ startsAt: '2026-10-01T15:00:00Z', status: 'cancelled' }], [note('2026-10-01')], 'UTC'),
    ).toEqual(['2026-10-01']);
  });

  it('dates a session by the clinic’s wall clock', () => {
    // 02:00 UTC is the evening before in Los Angeles and the afternoon in Auckland.
    expect(coupleSessionDays([held('2026-10-01T02:00:00Z')], [], 'America/Los_Angeles')).toEqual(['2026-09-30']);
    expect(coupleSessionDays([held('2026-10-01T11:30:00Z')], [note('2026-10-02')], 'Pacific/Auckland')).toEqual([
      '2026-10-02',
    ]);
    expect(localDateOf(Date.parse('2026-10-01T10:30:00Z'), 'Pacific/Auckland')).toBe('2026-10-01');
  });

  it('refuses an unknown zone and a note without a date', () => {
    expect(() => coupleSessionDays([], [], 'Mars/Olympus')).toThrow(/time zone/);
    expect(() => coupleSessionDays([], [note('1 Oct')], 'UTC')).toThrow(/sessionDate/);
    expect(() => coupleSessionDays([{ startsAt: 'soon', status: 'held' }], [], 'UTC')).toThrow(/startsAt/);
  });
});
