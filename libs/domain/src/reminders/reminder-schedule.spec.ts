import { isQuietHour, planReminders, PlannedReminder } from './reminder-schedule';
import { toLocalDateTime } from './timezone';

/** Plans as plain data that reads well in failures. */
const simple = (plan: PlannedReminder[]) =>
  plan.map(({ n, kind, sendAt }) => ({ n, kind, sendAt: sendAt.toISOString() }));
const farPast = '2020-01-01T00:00:00Z';

describe('planReminders', () => {
  it('plans 48 h and 2 h before the due time and a nudge 24 h after, by default', () => {
    expect(simple(planReminders({ dueAt: '2025-05-15T15:00:00Z', timezone: 'UTC', now: farPast }))).toEqual([
      { n: 1, kind: 'before_due', sendAt: '2025-05-13T15:00:00.000Z' },
      { n: 2, kind: 'before_due', sendAt: '2025-05-15T13:00:00.000Z' },
      { n: 3, kind: 'overdue', sendAt: '2025-05-16T15:00:00.000Z' },
    ]);
  });

  it('reports each slot’s planned offset', () => {
    const plan = planReminders({ dueAt: '2025-05-15T15:00:00Z', timezone: 'UTC', now: farPast });
    expect(plan.map((reminder) => reminder.offsetHours)).toEqual([48, 2, 24]);
  });

  it('drops past slots without renumbering the rest', () => {
    const plan = planReminders({ dueAt: '2025-05-15T15:00:00Z', timezone: 'UTC', now: '2025-05-14T00:00:00Z' });
    expect(simple(plan).map(({ n, kind }) => [n, kind])).toEqual([
      [2, 'before_due'],
      [3, 'overdue'],
    ]);
    const late = planReminders({ dueAt: '2025-05-15T15:00:00Z', timezone: 'UTC', now: '2025-05-15T14:00:00Z' });
    expect(late.map((reminder) => reminder.n)).toEqual([3]);
    const gone = planReminders({ dueAt: '2025-05-15T15:00:00Z', timezone: 'UTC', now: '2025-05-20T00:00:00Z' });
    expect(gone).toEqual([]);
  });

  it('keeps only slots strictly after now', () => {
    const plan = planReminders({ dueAt: '2025-05-15T15:00:00Z', timezone: 'UTC', now: '2025-05-15T13:00:00Z' });
    expect(plan.map((reminder) => reminder.n)).toEqual([3]);
  });

  it('sorts and de-duplicates offsets so n is the same whatever order they were given in', () => {
    const base = { dueAt: '2025-05-15T15:00:00Z', timezone: 'UTC', now: farPast };
    expect(planReminders({ ...base, offsetsHours: [2, 48, 2] })).toEqual(planReminders(base));
  });

  it('can leave out the overdue nudge, or plan only a nudge', () => {
    const base = { dueAt: '2025-05-15T15:00:00Z', timezone: 'UTC', now: farPast };
    expect(planReminders({ ...base, overdueNudgeHours: null }).map((r) => r.kind)).toEqual([
      'before_due',
      'before_due',
    ]);
    expect(simple(planReminders({ ...base, offsetsHours: [] }))).toEqual([
      { n: 1, kind: 'overdue', sendAt: '2025-05-16T15:00:00.000Z' },
    ]);
  });

  describe('quiet hours', () => {
    it('moves an evening reminder to 08:00 the next morning', () => {
      const plan = planReminders({ dueAt: '2025-05-15T23:00:00Z', timezone: 'UTC', now: farPast });
      expect(simple(plan)).toEqual([
        { n: 1, kind: 'before_due', sendAt: '2025-05-14T08:00:00.000Z' },
        // n 2 (21:00 → 08:00 next day) would arrive after the due time, so it is dropped.
        { n: 3, kind: 'overdue', sendAt: '2025-05-17T08:00:00.000Z' },
      ]);
    });

    it('moves an early-morning reminder to 08:00 the same day', () => {
      const plan = planReminders({ dueAt: '2025-05-15T09:00:00Z', timezone: 'UTC', now: farPast, offsetsHours: [2] });
      expect(plan[0].sendAt.toISOString()).toBe('2025-05-15T08:00:00.000Z');
    });

    it('treats 21:00 as quiet and 08:00 as not', () => {
      const at2059 = planReminders({ dueAt: '2025-05-15T22:59:00Z', timezone: 'UTC', now: farPast, offsetsHours: [2] });
      expect(at2059[0].sendAt.toISOString()).toBe('2025-05-15T20:59:00.000Z');
      const at2100 = planReminders({
        dueAt: '2025-05-18T21:00:00Z',
        timezone: 'UTC',
        now: farPast,
        offsetsHours: [24],
      });
      expect(at2100[0].sendAt.toISOString()).toBe('2025-05-18T08:00:00.000Z');
      const at0800 = planReminders({ dueAt: '2025-05-15T10:00:00Z', timezone: 'UTC', now: farPast, offsetsHours: [2] });
      expect(at0800[0].sendAt.toISOString()).toBe('2025-05-15T08:00:00.000Z');
    });

    it('drops a before-due reminder that quiet hours would push to exactly the due time', () => {
      const plan = planReminders({ dueAt: '2025-05-15T08:00:00Z', timezone: 'UTC', now: farPast, offsetsHours: [2] });
      expect(plan.map((reminder) => reminder.kind)).toEqual(['overdue']);
    });

    it('keeps only the first of two slots that land on the same morning', () => {
      const plan = planReminders({
        dueAt: '2025-05-15T12:00:00Z',
        timezone: 'UTC',
        now: farPast,
        offsetsHours: [6, 5],
      });
      expect(simple(plan)).toEqual([
        { n: 1, kind: 'before_due', sendAt: '2025-05-15T08:00:00.000Z' },
        { n: 3, kind: 'overdue', sendAt: '2025-05-16T12:00:00.000Z' },
      ]);
    });

    it('supports a custom window that does not wrap past midnight, and no quiet time at all', () => {
      const base = { dueAt: '2025-05-15T05:00:00Z', timezone: 'UTC', now: farPast, offsetsHours: [2] };
      const custom = planReminders({ ...base, quietStartHour: 0, quietEndHour: 4 });
      expect(custom[0].sendAt.toISOString()).toBe('2025-05-15T04:00:00.000Z');
      const none = planReminders({ ...base, quietStartHour: 9, quietEndHour: 9 });
      expect(none[0].sendAt.toISOString()).toBe('2025-05-15T03:00:00.000Z');
    });

    it('is judged by the partner’s clock, not the server’s', () => {
      const base = { dueAt: '2025-05-15T15:00:00Z', now: farPast };
      // 13:00 UTC is 09:00 in New York but 23:00 in Sydney.
      expect(planReminders({ ...base, timezone: 'America/New_York' })[1].sendAt.toISOString()).toBe(
        '2025-05-15T13:00:00.000Z',
      );
      const sydney = planReminders({ ...base, timezone: 'Australia/Sydney' });
      expect(sydney.map((reminder) => reminder.n)).toEqual([1, 3]);
      expect(sydney[0].sendAt.toISOString()).toBe('2025-05-13T22:00:00.000Z');
    });
  });

  describe('Europe/Berlin around the end of summer time (26 October 2025, 03:00 CEST → 02:00 CET)', () => {
    const timezone = 'Europe/Berlin';

    it('moves a late-Saturday reminder to 08:00 CET on Sunday, an hour later in UTC than on Saturday', () => {
      // Due Saturday 25 Oct 21:00 CEST; nudge 4 h later = Sunday 01:00 CEST, in quiet time.
      const plan = planReminders({ dueAt: '2025-10-25T19:00:00Z', timezone, now: farPast, overdueNudgeHours: 4 });
      expect(simple(plan)).toEqual([
        { n: 1, kind: 'before_due', sendAt: '2025-10-24T06:00:00.000Z' }, // Thu 21:00 CEST → Fri 08:00 CEST
        { n: 2, kind: 'before_due', sendAt: '2025-10-25T17:00:00.000Z' }, // Sat 19:00 CEST, not quiet
        { n: 3, kind: 'overdue', sendAt: '2025-10-26T07:00:00.000Z' }, // Sun 08:00 CET, not 06:00Z
      ]);
    });

    it('handles a reminder that falls in the repeated hour', () => {
      // 30 h before Monday 07:30 CET is Sunday 00:30Z, the first 02:30 (CEST).
      const plan = planReminders({ dueAt: '2025-10-27T06:30:00Z', timezone, now: farPast, offsetsHours: [30] });
      expect(plan[0].sendAt.toISOString()).toBe('2025-10-26T07:00:00.000Z');
    });

    it('counts offsets in real hours across the change', () => {
      // Due Monday 09:00 CET; 48 real hours earlier is Saturday 10:00 CEST (one wall-clock hour later).
      const plan = planReminders({ dueAt: '2025-10-27T08:00:00Z', timezone, now: farPast });
      expect(simple(plan)).toEqual([
        { n: 1, kind: 'before_due', sendAt: '2025-10-25T08:00:00.000Z' },
        { n: 2, kind: 'before_due', sendAt: '2025-10-27T07:00:00.000Z' }, // 07:00 CET → 08:00 CET
        { n: 3, kind: 'overdue', sendAt: '2025-10-28T08:00:00.000Z' },
      ]);
      expect(toLocalDateTime(plan[0].sendAt.getTime(), timezone).hour).toBe(10);
    });

    it('also gets the spring change right (30 March 2025, 02:00 CET → 03:00 CEST)', () => {
      // Saturday 22:30 CET → Sunday 08:00 CEST = 06:00Z.
      const plan = planReminders({ dueAt: '2025-03-30T21:30:00Z', timezone, now: farPast, offsetsHours: [24] });
      expect(plan[0].sendAt.toISOString()).toBe('2025-03-30T06:00:00.000Z');
    });
  });

  describe('Pacific/Auckland (UTC+13 in January, +12 in July)', () => {
    const timezone = 'Pacific/Auckland';

    it('uses Auckland mornings in summer', () => {
      // Due Wednesday 15 Jan 09:00 NZDT; 2 h before is 07:00 NZDT, moved to 08:00 NZDT.
      const plan = planReminders({ dueAt: '2025-01-14T20:00:00Z', timezone, now: farPast });
      expect(simple(plan)).toEqual([
        { n: 1, kind: 'before_due', sendAt: '2025-01-12T20:00:00.000Z' },
        { n: 2, kind: 'before_due', sendAt: '2025-01-14T19:00:00.000Z' },
        { n: 3, kind: 'overdue', sendAt: '2025-01-15T20:00:00.000Z' },
      ]);
    });

    it('moves times that are midday in UTC but midnight in Auckland', () => {
      // Due Thursday 3 July 00:00 NZST = 12:00Z on the 2nd.
      const plan = planReminders({ dueAt: '2025-07-02T12:00:00Z', timezone, now: farPast });
      expect(simple(plan)).toEqual([
        { n: 1, kind: 'before_due', sendAt: '2025-06-30T20:00:00.000Z' }, // Tue 1 Jul 08:00 NZST
        // n 2, Wed 22:00 NZST, would move past the due time.
        { n: 3, kind: 'overdue', sendAt: '2025-07-03T20:00:00.000Z' }, // Fri 4 Jul 08:00 NZST
      ]);
    });

    it('crosses the April change (6 April 2025, 03:00 NZDT → 02:00 NZST)', () => {
      // Saturday 5 April 23:00 NZDT → Sunday 08:00 NZST = 20:00Z.
      const plan = planReminders({ dueAt: '2025-04-07T10:00:00Z', timezone, now: farPast, offsetsHours: [48] });
      expect(plan[0].sendAt.toISOString()).toBe('2025-04-05T20:00:00.000Z');
    });
  });

  it.each(['Europe/Berlin', 'Pacific/Auckland', 'America/Santiago', 'Asia/Kolkata', 'UTC'])(
    'never plans anything in quiet hours, out of order or on the wrong side of the due time (%s, a year of due times)',
    (timezone) => {
      const start = Date.parse('2025-01-01T00:00:00Z');
      const step = (7 * 60 + 13) * 60_000;
      for (let dueMs = start; dueMs < start + 366 * 86_400_000; dueMs += step) {
        const now = new Date(dueMs - 72 * 3_600_000);
        const plan = planReminders({ dueAt: new Date(dueMs), timezone, now, offsetsHours: [48, 24, 2] });
        let previous = now.getTime();
        for (const reminder of plan) {
          const hour = toLocalDateTime(reminder.sendAt.getTime(), timezone).hour;
          expect(isQuietHour(hour, { start: 21, end: 8 })).toBe(false);
          expect(reminder.sendAt.getTime()).toBeGreaterThan(previous);
          previous = reminder.sendAt.getTime();
          if (reminder.kind === 'before_due') expect(reminder.sendAt.getTime()).toBeLessThan(dueMs);
          else expect(reminder.sendAt.getTime()).toBeGreaterThan(dueMs);
        }
        expect(plan.some((reminder) => reminder.kind === 'overdue')).toBe(true);
      }
    },
  );

  it('is deterministic', () => {
    const input = { dueAt: '2025-10-27T08:00:00Z', timezone: 'Europe/Berlin', now: farPast };
    expect(planReminders(input)).toEqual(planReminders(input));
  });

  it.each([
    ['an unknown time zone', { timezone: 'Mars/Olympus' }],
    ['a quiet hour of 24', { quietStartHour: 24 }],
    ['a fractional quiet hour', { quietEndHour: 7.5 }],
    ['a zero offset', { offsetsHours: [0] }],
    ['a negative offset', { offsetsHours: [-2] }],
    ['a non-numeric offset', { offsetsHours: [Number.NaN] }],
    ['a zero overdue nudge', { overdueNudgeHours: 0 }],
    ['an invalid due date', { dueAt: 'next Tuesday' }],
  ])('rejects %s', (_label, override) => {
    expect(() => planReminders({ dueAt: '2025-05-15T15:00:00Z', timezone: 'UTC', now: farPast, ...override })).toThrow(
      RangeError,
    );
  });
});

describe('isQuietHour', () => {
  it('handles windows that wrap past midnight and windows that do not', () => {
    const night = { start: 21, end: 8 };
    expect([20, 21, 23, 0, 7, 8].map((hour) => isQuietHour(hour, night))).toEqual([
      false,
      true,
      true,
      true,
      true,
      false,
    ]);
    const early = { start: 0, end: 6 };
    expect([23, 0, 5, 6].map((hour) => isQuietHour(hour, early))).toEqual([false, true, true, false]);
    expect(isQuietHour(3, { start: 5, end: 5 })).toBe(false);
  });
});
