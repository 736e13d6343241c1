import { type CheckInPlanInput, planNextCheckIn } from './check-in-schedule';

const plan = (input: CheckInPlanInput) => {
  const next = planNextCheckIn(input);
  return next && { sendAt: next.sendAt.toISOString(), occurrence: next.occurrence };
};
const ms = (iso: string) => Date.parse(iso);
const noQuiet = { quietStartHour: 0, quietEndHour: 0 };

describe('planNextCheckIn', () => {
  describe('before every session', () => {
    const berlin = { timezone: 'Europe/Berlin', now: '2026-12-01T12:00:00Z' };
    const before = (hoursBefore: number) => ({ kind: 'before_session' as const, hoursBefore });

    it('goes out the set time before the session, keyed by the session', () => {
      // 19:00 in Berlin the evening before: outside quiet hours.
      expect(plan({ ...berlin, schedule: before(24), sessionAt: '2026-12-10T18:00:00Z' })).toEqual({
        sendAt: '2026-12-09T18:00:00.000Z',
        occurrence: `session-${ms('2026-12-10T18:00:00Z')}`,
      });
    });

    it('moves out of the partner’s quiet hours, still before the session', () => {
      // 06:00 local is quiet (21–8): 08:00 local, an hour before a 09:00 session.
      expect(plan({ ...berlin, schedule: before(3), sessionAt: '2026-12-10T08:00:00Z' })?.sendAt).toBe(
        '2026-12-10T07:00:00.000Z',
      );
    });

    it('goes the evening before when quiet time ends too late for the session', () => {
      // An 08:00 session, 2 h before is 06:00 (quiet) and quiet ends at the session: 20:00 the day before.
      expect(plan({ ...berlin, schedule: before(2), sessionAt: '2026-12-10T07:00:00Z' })?.sendAt).toBe(
        '2026-12-09T19:00:00.000Z',
      );
      // The same with a quiet time that starts at midnight: 23:00 the evening before.
      expect(
        plan({
          ...berlin,
          schedule: before(2),
          sessionAt: '2026-12-10T07:00:00Z',
          quietStartHour: 0,
          quietEndHour: 8,
        })?.sendAt,
      ).toBe('2026-12-09T22:00:00.000Z');
    });

    it('gives up rather than arrive after the session starts', () => {
      // Now is 05:00 local, quiet until the 08:00 session, and the evening before has passed.
      expect(
        plan({ ...berlin, now: '2026-12-10T04:00:00Z', schedule: before(2), sessionAt: '2026-12-10T07:00:00Z' }),
      ).toBeNull();
    });

    it('goes out now when planned too late but the session is still ahead', () => {
      expect(plan({ ...berlin, schedule: before(48), sessionAt: '2026-12-02T10:00:00Z' })?.sendAt).toBe(
        '2026-12-01T12:00:00.000Z',
      );
    });

    it('follows a moved session (a new occurrence) and stops for a cancelled or past one', () => {
      const first = plan({ ...berlin, schedule: before(24), sessionAt: '2026-12-10T18:00:00Z' });
      const moved = plan({ ...berlin, schedule: before(24), sessionAt: '2026-12-11T18:00:00Z' });
      expect(moved?.sendAt).toBe('2026-12-10T18:00:00.000Z');
      expect(moved?.occurrence).not.toBe(first?.occurrence);
      expect(plan({ ...berlin, schedule: before(24), sessionAt: null })).toBeNull();
      expect(plan({ ...berlin, schedule: before(24) })).toBeNull();
      expect(plan({ ...berlin, schedule: before(24), sessionAt: '2026-12-01T11:00:00Z' })).toBeNull();
    });

    it('is not planned again once sent for that session', () => {
      const sessionAt = '2026-12-10T18:00:00Z';
      const sent = plan({ ...berlin, schedule: before(24), sessionAt })?.occurrence;
      expect(plan({ ...berlin, schedule: before(24), sessionAt, lastSentOccurrence: sent })).toBeNull();
    });
  });

  describe('after every session (the check-out)', () => {
    const after = { kind: 'after_session' as const, hoursAfter: 1 };
    const sessionAt = '2026-12-10T15:00:00Z';

    it('goes out the set time after the session starts', () => {
      expect(plan({ timezone: 'America/Chicago', now: '2026-12-01T00:00:00Z', schedule: after, sessionAt })).toEqual({
        sendAt: '2026-12-10T16:00:00.000Z',
        occurrence: `session-${ms(sessionAt)}`,
      });
    });

    it('goes out now if missed within the grace period, and not at all after it', () => {
      const late = { timezone: 'UTC', schedule: after, sessionAt };
      expect(plan({ ...late, now: '2026-12-10T19:00:00Z' })?.sendAt).toBe('2026-12-10T19:00:00.000Z');
      expect(plan({ ...late, now: '2026-12-11T05:00:00Z' })).toBeNull();
      expect(plan({ ...late, now: '2026-12-10T19:00:00Z', graceHours: 2 })).toBeNull();
    });

    it('waits for the end of quiet hours after an evening session', () => {
      // A 20:00 session in Berlin: 21:00 is quiet, so 08:00 the next morning.
      expect(
        plan({
          timezone: 'Europe/Berlin',
          now: '2026-12-01T00:00:00Z',
          schedule: after,
          sessionAt: '2026-12-10T19:00:00Z',
        })?.sendAt,
      ).toBe('2026-12-11T07:00:00.000Z');
    });

    it('is not planned again once sent, nor without a session', () => {
      const input = { timezone: 'UTC', now: '2026-12-01T00:00:00Z', schedule: after, sessionAt };
      expect(plan({ ...input, lastSentOccurrence: `session-${ms(sessionAt)}` })).toBeNull();
      expect(plan({ ...input, sessionAt: null })).toBeNull();
    });

    describe('for the session just held, once a later one is next', () => {
      // Held on 10 December at 15:00; the next is booked two days later. An hour after the held
      // one started, its check-out is due, but the couple's next session has already moved on.
      const held = sessionAt;
      const following = '2026-12-12T15:00:00Z';
      const input = { timezone: 'UTC', schedule: after, sessionAt: following, lastSessionAt: held };

      it('still goes out for the held session, when due and, if late, within the grace period', () => {
        expect(plan({ ...input, now: '2026-12-10T15:50:00Z' })).toEqual({
          sendAt: '2026-12-10T16:00:00.000Z',
          occurrence: `session-${ms(held)}`,
        });
        expect(plan({ ...input, now: '2026-12-10T16:00:00Z' })).toEqual({
          sendAt: '2026-12-10T16:00:00.000Z',
          occurrence: `session-${ms(held)}`,
        });
        // The worker was down: three hours late is within the 12 h grace period.
        expect(plan({ ...input, now: '2026-12-10T19:00:00Z' })).toEqual({
          sendAt: '2026-12-10T19:00:00.000Z',
          occurrence: `session-${ms(held)}`,
        });
      });

      it('is not sent again once sent: the next session’s follows', () => {
        expect(plan({ ...input, now: '2026-12-10T16:05:00Z', lastSentOccurrence: `session-${ms(held)}` })).toEqual({
          sendAt: '2026-12-12T16:00:00.000Z',
          occurrence: `session-${ms(following)}`,
        });
      });

      it('gives way to the next session’s after the grace period', () => {
        expect(plan({ ...input, now: '2026-12-11T05:00:00Z' })).toEqual({
          sendAt: '2026-12-12T16:00:00.000Z',
          occurrence: `session-${ms(following)}`,
        });
      });

      it('is the same check-out planned ahead from the next session and sent from the last', () => {
        const ahead = plan({ timezone: 'UTC', schedule: after, sessionAt: held, now: '2026-12-09T12:00:00Z' });
        const afterwards = plan({ ...input, now: '2026-12-10T16:00:00Z' });
        expect(afterwards).toEqual(ahead);
        // While the session is in progress it is both the last and the next.
        expect(plan({ ...input, sessionAt: held, now: '2026-12-10T15:20:00Z' })).toEqual(ahead);
      });

      it('goes nowhere for a cancelled or missed session: the last session is then an earlier one', () => {
        // The 10 December session was cancelled (or a no-show), so the last started is a week
        // earlier: its check-out went out then, and nothing goes out for 10 December.
        const weekBefore = '2026-12-03T15:00:00Z';
        const cancelled = {
          ...input,
          lastSessionAt: weekBefore,
          lastSentOccurrence: `session-${ms(weekBefore)}`,
          now: '2026-12-10T16:00:00Z',
        };
        expect(plan(cancelled)).toEqual({
          sendAt: '2026-12-12T16:00:00.000Z',
          occurrence: `session-${ms(following)}`,
        });
        // Never sent, but long past its grace period: not sent now either.
        expect(plan({ ...cancelled, lastSentOccurrence: null })?.occurrence).toBe(`session-${ms(following)}`);
        expect(plan({ ...cancelled, sessionAt: null })).toBeNull();
      });

      it('ignores a "last" session that has not started', () => {
        expect(plan({ ...input, lastSessionAt: following, now: '2026-12-10T16:00:00Z' })?.occurrence).toBe(
          `session-${ms(following)}`,
        );
      });

      it('refuses a last session that is not a time', () => {
        expect(() => planNextCheckIn({ ...input, now: '2026-12-10T16:00:00Z', lastSessionAt: 'yesterday' })).toThrow(
          /lastSessionAt/,
        );
      });
    });
  });

  describe('weekly', () => {
    const sunday9 = { kind: 'weekly' as const, weekday: 7 as const, localTime: '09:00' };

    it('is the next weekday at the local time, keyed by the local date', () => {
      // Tuesday 1 December 2026 → Sunday 6 December, 09:00 in Berlin (UTC+1).
      expect(plan({ timezone: 'Europe/Berlin', now: '2026-12-01T12:00:00Z', schedule: sunday9 })).toEqual({
        sendAt: '2026-12-06T08:00:00.000Z',
        occurrence: 'week-2026-12-06',
      });
    });

    it('stays at 09:00 local across the spring change (167 hours apart)', () => {
      const zone = { timezone: 'Europe/Berlin', schedule: sunday9 };
      const first = plan({ ...zone, now: '2026-03-20T12:00:00Z' });
      expect(first).toEqual({ sendAt: '2026-03-22T08:00:00.000Z', occurrence: 'week-2026-03-22' });
      const next = plan({ ...zone, now: '2026-03-22T08:00:01Z', lastSentOccurrence: first?.occurrence });
      expect(next).toEqual({ sendAt: '2026-03-29T07:00:00.000Z', occurrence: 'week-2026-03-29' });
      expect((ms(next?.sendAt ?? '') - ms(first?.sendAt ?? '')) / 3_600_000).toBe(167);
    });

    it('stays at 09:00 local across the autumn change (169 hours apart)', () => {
      const zone = { timezone: 'America/New_York', schedule: sunday9 };
      const summer = plan({ ...zone, now: '2026-10-20T00:00:00Z' });
      expect(summer?.sendAt).toBe('2026-10-25T13:00:00.000Z');
      const winter = plan({ ...zone, now: '2026-10-26T12:00:00Z' });
      expect(winter?.sendAt).toBe('2026-11-01T14:00:00.000Z');
      expect((ms(winter?.sendAt ?? '') - ms(summer?.sendAt ?? '')) / 3_600_000).toBe(169);
    });

    it('moves a time the clocks skip forward by the gap, and takes the first of a repeated one', () => {
      // New York, 8 March 2026: 02:30 does not exist → 03:30 EDT. 1 November: 01:30 happens twice → EDT.
      const skipped = plan({
        ...noQuiet,
        timezone: 'America/New_York',
        now: '2026-03-02T00:00:00Z',
        schedule: { kind: 'weekly', weekday: 7, localTime: '02:30' },
      });
      expect(skipped?.sendAt).toBe('2026-03-08T07:30:00.000Z');
      const repeated = plan({
        ...noQuiet,
        timezone: 'America/New_York',
        now: '2026-10-27T00:00:00Z',
        schedule: { kind: 'weekly', weekday: 7, localTime: '01:30' },
      });
      expect(repeated?.sendAt).toBe('2026-11-01T05:30:00.000Z');
    });

    it('handles a half-hour daylight-saving change (Lord Howe Island)', () => {
      const zone = { timezone: 'Australia/Lord_Howe', schedule: sunday9 };
      const summer = plan({ ...zone, now: '2026-03-25T00:00:00Z' });
      expect(summer?.sendAt).toBe('2026-03-28T22:00:00.000Z');
      const winter = plan({ ...zone, now: '2026-03-28T22:00:01Z', lastSentOccurrence: summer?.occurrence });
      expect(winter?.sendAt).toBe('2026-04-04T22:30:00.000Z');
    });

    it('keys the occurrence by the partner’s local date, not UTC', () => {
      // Monday 08:00 in Auckland is still Sunday in UTC.
      const next = plan({
        timezone: 'Pacific/Auckland',
        now: '2026-12-01T00:00:00Z',
        schedule: { kind: 'weekly', weekday: 1, localTime: '08:00' },
      });
      expect(next).toEqual({ sendAt: '2026-12-06T19:00:00.000Z', occurrence: 'week-2026-12-07' });
    });

    it('sends a missed week now within the grace period, else plans the next week', () => {
      const zone = { timezone: 'UTC', schedule: sunday9 };
      expect(plan({ ...zone, now: '2026-12-06T11:00:00Z' })).toEqual({
        sendAt: '2026-12-06T11:00:00.000Z',
        occurrence: 'week-2026-12-06',
      });
      expect(plan({ ...zone, now: '2026-12-07T09:00:00Z' })).toEqual({
        sendAt: '2026-12-13T09:00:00.000Z',
        occurrence: 'week-2026-12-13',
      });
      expect(plan({ ...zone, now: '2026-12-06T11:00:00Z', lastSentOccurrence: 'week-2026-12-06' })?.occurrence).toBe(
        'week-2026-12-13',
      );
    });

    it('moves a weekly time that falls in quiet hours to their end, keeping the occurrence', () => {
      expect(
        plan({
          timezone: 'UTC',
          now: '2026-12-01T00:00:00Z',
          schedule: { kind: 'weekly', weekday: 7, localTime: '22:15' },
        }),
      ).toEqual({ sendAt: '2026-12-07T08:00:00.000Z', occurrence: 'week-2026-12-06' });
    });
  });

  describe('once', () => {
    const once = { kind: 'once' as const, at: '2026-12-05T10:00:00Z' };

    it('goes out at its time, once', () => {
      expect(plan({ timezone: 'UTC', now: '2026-12-01T00:00:00Z', schedule: once })).toEqual({
        sendAt: '2026-12-05T10:00:00.000Z',
        occurrence: 'once',
      });
      expect(
        plan({ timezone: 'UTC', now: '2026-12-01T00:00:00Z', schedule: once, lastSentOccurrence: 'once' }),
      ).toBeNull();
    });

    it('goes out now if missed within the grace period, and not after it', () => {
      expect(plan({ timezone: 'UTC', now: '2026-12-05T12:00:00Z', schedule: once })?.sendAt).toBe(
        '2026-12-05T12:00:00.000Z',
      );
      expect(plan({ timezone: 'UTC', now: '2026-12-06T12:00:00Z', schedule: once })).toBeNull();
    });
  });

  describe('refuses invalid input', () => {
    const now = '2026-12-01T00:00:00Z';
    it.each([
      [{ timezone: 'Mars/Olympus', now, schedule: { kind: 'once', at: now } }, /Unknown time zone/],
      [{ timezone: 'UTC', now: 'soon', schedule: { kind: 'once', at: now } }, /now is not a valid/],
      [{ timezone: 'UTC', now, schedule: { kind: 'weekly', weekday: 8, localTime: '09:00' } }, /weekday/],
      [{ timezone: 'UTC', now, schedule: { kind: 'weekly', weekday: 1, localTime: '9:00' } }, /HH:MM/],
      [{ timezone: 'UTC', now, schedule: { kind: 'weekly', weekday: 1, localTime: '24:00' } }, /HH:MM/],
      [{ timezone: 'UTC', now, schedule: { kind: 'before_session', hoursBefore: 0 } }, /hoursBefore/],
      [{ timezone: 'UTC', now, schedule: { kind: 'after_session', hoursAfter: -1 } }, /hoursAfter/],
      [{ timezone: 'UTC', now, schedule: { kind: 'once', at: now }, quietStartHour: 24 }, /quiet start/],
      [{ timezone: 'UTC', now, schedule: { kind: 'once', at: now }, graceHours: -1 }, /graceHours/],
    ])('%j', (input, message) => {
      expect(() => planNextCheckIn(input as CheckInPlanInput)).toThrow(message);
    });
  });
});
