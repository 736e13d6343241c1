import {
  engagementPhrase,
  needsCheckIn,
  partnerEngagement,
  type PartnerAssignmentRecord,
  wantsGentleReminder,
} from './engagement';

const DAY = 24 * 3600 * 1000;
const NOW = Date.UTC(2026, 11, 5, 12);
let next = 0;

/** Homework due `dueDays` from now (negative: past), submitted `submittedDays` from now, or not. */
function hw(dueDays: number, submittedDays: number | null, extra: Partial<PartnerAssignmentRecord> = {}) {
  next += 1;
  return {
    id: `00000000-0000-0000-0000-${String(next).padStart(12, '0')}`,
    kind: 'homework',
    cancelled: false,
    dueAt: NOW + dueDays * DAY,
    submittedAt: submittedDays === null ? null : NOW + submittedDays * DAY,
    openedAt: null,
    startedAt: null,
    savedAt: null,
    ...extra,
  };
}

describe('partnerEngagement', () => {
  it('has nothing to say before anything is due', () => {
    expect(partnerEngagement([hw(3, null)], NOW)).toEqual({
      counted: 0,
      missed: 0,
      onTimeRate: null,
      missedInARow: 0,
      lastActiveAt: null,
      daysSinceActive: null,
    });
  });

  it('counts the last four settled, newest due date first, and the run of misses over all of them', () => {
    const records = [hw(-50, -51), hw(-40, null), hw(-30, -31), hw(-20, null), hw(-10, -5), hw(-3, null), hw(4, null)];
    const e = partnerEngagement(records, NOW);
    // Window: due -3 (missed), -10 (late: missed), -20 (missed), -30 (on time).
    expect(e).toMatchObject({ counted: 4, missed: 3, onTimeRate: 0.25, missedInARow: 3 });
  });

  it('counts homework submitted early as on time at once, and ends the run of misses with it', () => {
    const e = partnerEngagement([hw(-10, null), hw(-5, null), hw(5, -1)], NOW);
    expect(e).toMatchObject({ counted: 3, missed: 2, missedInARow: 0 });
  });

  it('counts a submission at the due moment as on time, a millisecond later as a miss', () => {
    const onTime = hw(-1, -1);
    const late = { ...hw(-2, null), submittedAt: NOW - 2 * DAY + 1 };
    expect(partnerEngagement([onTime], NOW)).toMatchObject({ missed: 0, missedInARow: 0 });
    expect(partnerEngagement([late], NOW)).toMatchObject({ missed: 1, missedInARow: 1 });
  });

  it('leaves out cancelled homework and other kinds, but their activity still counts', () => {
    const e = partnerEngagement(
      [
        hw(-3, null, { cancelled: true, openedAt: NOW - DAY / 2 }),
        hw(-2, null, { kind: 'safety_check_in' }),
        hw(-1, null),
      ],
      NOW,
    );
    expect(e).toMatchObject({ counted: 1, missed: 1, missedInARow: 1, daysSinceActive: 0 });
    expect(e.lastActiveAt).toBe(new Date(NOW - DAY / 2).toISOString());
  });

  it('takes the latest of opened, started, saved and submitted as the last activity, in whole days', () => {
    const e = partnerEngagement(
      [
        hw(-20, -21, { openedAt: NOW - 22 * DAY }),
        hw(-9, null, { openedAt: NOW - 9.5 * DAY, savedAt: NOW - 8.2 * DAY }),
      ],
      NOW,
    );
    expect(e.daysSinceActive).toBe(8);
    expect(e.lastActiveAt).toBe(new Date(NOW - 8.2 * DAY).toISOString());
  });

  it('orders homework due at the same moment by id', () => {
    const a = { ...hw(-1, null), id: 'b' };
    const b = { ...hw(-1, -2), id: 'a' };
    // Newest first by due date then id descending: "b" (missed) comes before "a" (on time).
    expect(partnerEngagement([b, a], NOW).missedInARow).toBe(1);
    expect(
      partnerEngagement(
        [
          { ...a, id: 'a' },
          { ...b, id: 'b' },
        ],
        NOW,
      ).missedInARow,
    ).toBe(0);
  });

  it('rejects a window that is not a whole number ≥ 1 and times that are not times', () => {
    expect(() => partnerEngagement([], NOW, 0)).toThrow(RangeError);
    expect(() => partnerEngagement([{ ...hw(-1, null), dueAt: 'soon' }], NOW)).toThrow(/dueAt/);
  });
});

describe('the clinic thresholds', () => {
  const settings = { gentleReminderAfterMisses: 2, engagementTaskAfterMisses: 3 };
  it('turn on at the number of misses, and never when set to 0', () => {
    expect([1, 2, 3].map((n) => wantsGentleReminder(n, settings))).toEqual([false, true, true]);
    expect([2, 3, 4].map((n) => needsCheckIn(n, settings))).toEqual([false, true, true]);
    const off = { gentleReminderAfterMisses: 0, engagementTaskAfterMisses: 0 };
    expect(wantsGentleReminder(9, off) || needsCheckIn(9, off)).toBe(false);
  });
});

describe('engagementPhrase', () => {
  it('says who missed how many, who did all, and who had nothing due', () => {
    expect(engagementPhrase('Jordan', { counted: 4, missed: 3 })).toBe('Jordan missed 3 of the last 4');
    expect(engagementPhrase('Priya', { counted: 4, missed: 0 })).toBe('Priya did all');
    expect(engagementPhrase('Sam', { counted: 0, missed: 0 })).toBe('Sam has had nothing due yet');
  });
});
