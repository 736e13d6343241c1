import { defaultDueAt } from './default-due';

const at = (iso: string) => new Date(iso);

describe('defaultDueAt', () => {
  it('without a session: a week ahead at 18:00 on the therapist’s clock', () => {
    expect(defaultDueAt({ now: at('2026-05-01T09:30:00Z'), timeZone: 'Europe/London' }).toISOString()).toBe(
      '2026-05-08T17:00:00.000Z', // 18:00 BST
    );
    expect(defaultDueAt({ now: at('2026-05-01T09:30:00Z'), timeZone: 'America/New_York' }).toISOString()).toBe(
      '2026-05-08T22:00:00.000Z', // 18:00 EDT
    );
  });

  it('takes the local date, not the UTC one (late evening in New York is already tomorrow in UTC)', () => {
    // 22:00 on 1 May in New York is 02:00 on 2 May UTC: due 8 May, not 9 May.
    expect(defaultDueAt({ now: at('2026-05-02T02:00:00Z'), timeZone: 'America/New_York' }).toISOString()).toBe(
      '2026-05-08T22:00:00.000Z',
    );
    // 08:00 on 2 May in Auckland is still 1 May in UTC: due 9 May 18:00 NZST.
    expect(defaultDueAt({ now: at('2026-05-01T20:00:00Z'), timeZone: 'Pacific/Auckland' }).toISOString()).toBe(
      '2026-05-09T06:00:00.000Z',
    );
  });

  it('keeps 18:00 across a clock change', () => {
    // London springs forward on 29 March 2026: a week after 25 March (GMT) is 1 April (BST).
    expect(defaultDueAt({ now: at('2026-03-25T12:00:00Z'), timeZone: 'Europe/London' }).toISOString()).toBe(
      '2026-04-01T17:00:00.000Z',
    );
    // New York falls back on 1 November 2026.
    expect(defaultDueAt({ now: at('2026-10-29T12:00:00Z'), timeZone: 'America/New_York' }).toISOString()).toBe(
      '2026-11-05T23:00:00.000Z',
    );
  });

  it('with a session: a day before it, never after it', () => {
    const now = at('2026-05-01T09:00:00Z');
    const session = '2026-05-05T15:00:00Z';
    expect(defaultDueAt({ now, timeZone: 'Europe/London', nextSessions: [session] }).toISOString()).toBe(
      '2026-05-04T15:00:00.000Z',
    );
    // A session three weeks out: still a day before it, not a week from now.
    expect(defaultDueAt({ now, timeZone: 'Europe/London', nextSessions: ['2026-05-22T15:00:00Z'] }).toISOString()).toBe(
      '2026-05-21T15:00:00.000Z',
    );
  });

  it('several couples: the earliest upcoming session counts; past ones and blanks are ignored', () => {
    const now = at('2026-05-01T09:00:00Z');
    expect(
      defaultDueAt({
        now,
        timeZone: 'Europe/London',
        nextSessions: [null, '2026-05-09T10:00:00Z', '2026-04-30T10:00:00Z', '2026-05-06T10:00:00Z', undefined, ''],
      }).toISOString(),
    ).toBe('2026-05-05T10:00:00.000Z');
  });

  it('a session tomorrow morning: two hours before it rather than too soon to do', () => {
    const now = at('2026-05-01T20:00:00Z');
    expect(defaultDueAt({ now, timeZone: 'Europe/London', nextSessions: ['2026-05-02T10:00:00Z'] }).toISOString()).toBe(
      '2026-05-02T08:00:00.000Z',
    );
  });

  it('a session about to start: falls back to a week ahead (it is for the session after)', () => {
    const now = at('2026-05-01T09:00:00Z');
    expect(defaultDueAt({ now, timeZone: 'Europe/London', nextSessions: ['2026-05-01T10:00:00Z'] }).toISOString()).toBe(
      '2026-05-08T17:00:00.000Z',
    );
  });

  it('always in the future, whatever the inputs', () => {
    const now = at('2026-05-01T09:00:00Z');
    for (const timeZone of ['UTC', 'Pacific/Kiritimati', 'Pacific/Pago_Pago', 'Not/AZone'])
      for (const hours of [0.5, 2.5, 13, 30, 24 * 40])
        expect(
          defaultDueAt({ now, timeZone, nextSessions: [new Date(now.getTime() + hours * 3600_000)] }).getTime(),
        ).toBeGreaterThan(now.getTime());
  });
});
