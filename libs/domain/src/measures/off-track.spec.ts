import { type OffTrackInput, offTrackReasons, type ScorePoint, sessionsSinceBaseline } from './off-track';

/** Weekly scores, one per week from 1 October, with occurrences both partners share. */
const weeks = (...scores: number[]): ScorePoint[] =>
  scores.map((score, i) => ({
    occurrence: `week-${i}`,
    at: new Date(Date.UTC(2026, 9, 1 + 7 * i)).toISOString(),
    score,
  }));

const settings = { recentDrop: 5, gapWidening: 6, lowCheckOut: 6, sessionsWithoutImprovement: 6 };
const checkIn = { higherIsBetter: true, reliableChange: null };
const withRci = { higherIsBetter: true, reliableChange: 8 };

const input = (overrides: Partial<OffTrackInput> = {}): OffTrackInput => ({
  outcome: { measure: checkIn, partners: [weeks(30, 31, 32), weeks(29, 30, 31)] },
  checkOut: null,
  sessionsSinceBaseline: 2,
  settings,
  ...overrides,
});

describe('offTrackReasons', () => {
  it('finds nothing for a couple improving together, or with too few check-ins to tell', () => {
    expect(offTrackReasons(input())).toEqual([]);
    expect(offTrackReasons(input({ outcome: { measure: checkIn, partners: [weeks(30, 10), weeks(30)] } }))).toEqual([]);
    expect(offTrackReasons(input({ outcome: null }))).toEqual([]);
  });

  describe('worsening', () => {
    it('without a reliable change: a drop of recentDrop over the last three check-ins', () => {
      const partners = [weeks(40, 38, 36, 33), weeks(30, 31, 32, 33)] as const;
      expect(offTrackReasons(input({ outcome: { measure: checkIn, partners } }))).toEqual([
        { kind: 'worsening', partner: 1, from: 38, to: 33, basis: 'recent_drop' },
      ]);
      // 4 points down over the window is not enough; the older fall does not count.
      const slower = [weeks(50, 38, 36, 34), weeks(30, 31, 32, 33)] as const;
      expect(offTrackReasons(input({ outcome: { measure: checkIn, partners: slower } }))).toEqual([]);
    });

    it('with a reliable change: the latest score worse than the baseline by at least it', () => {
      const partners = [weeks(30, 29, 26, 22), weeks(30, 28, 25, 23)] as const;
      expect(offTrackReasons(input({ outcome: { measure: withRci, partners } }))).toEqual([
        { kind: 'worsening', partner: 1, from: 30, to: 22, basis: 'reliable_change' },
      ]);
    });

    it('runs the other way for a measure where lower is better', () => {
      const distress = { higherIsBetter: false, reliableChange: 5 };
      const partners = [weeks(10, 12, 15), weeks(10, 11, 12)] as const;
      expect(offTrackReasons(input({ outcome: { measure: distress, partners } }))).toEqual([
        { kind: 'worsening', partner: 1, from: 10, to: 15, basis: 'reliable_change' },
      ]);
    });

    it('reads the scores in time order, whatever order they come in', () => {
      const shuffled = [...weeks(40, 38, 36, 33)].reverse();
      const reasons = offTrackReasons(
        input({ outcome: { measure: checkIn, partners: [shuffled, weeks(30, 31, 32, 33)] } }),
      );
      expect(reasons).toEqual([{ kind: 'worsening', partner: 1, from: 38, to: 33, basis: 'recent_drop' }]);
    });
  });

  describe('widening gap', () => {
    it('flags partners drifting apart over the last three check-ins both answered', () => {
      // One rising, one drifting down slowly (never 5 points in three weeks): the gap grows 4 → 10.
      const partners = [weeks(30, 30, 32, 33), weeks(28, 26, 25, 23)] as const;
      expect(offTrackReasons(input({ outcome: { measure: checkIn, partners } }))).toEqual([
        { kind: 'widening_gap', from: 4, to: 10 },
      ]);
    });

    it('pairs by occurrence, so a skipped week does not misalign the partners', () => {
      const first = weeks(30, 30, 33, 34);
      // Partner 2 skipped week-1; their answers to weeks 0, 2 and 3 pair with partner 1's.
      const second = weeks(29, 99, 28, 27).filter((p) => p.occurrence !== 'week-1');
      expect(offTrackReasons(input({ outcome: { measure: checkIn, partners: [first, second] } }))).toEqual([
        { kind: 'widening_gap', from: 1, to: 7 },
      ]);
      // With only two check-ins both answered there is no window yet.
      const sparse = weeks(29, 99, 99, 23).filter((p) => p.occurrence === 'week-0' || p.occurrence === 'week-3');
      expect(offTrackReasons(input({ outcome: { measure: checkIn, partners: [first, sparse] } }))).toEqual([]);
    });

    it('does not flag a gap that is wide but steady, or narrowing', () => {
      const steady = [weeks(40, 40, 40), weeks(20, 20, 21)] as const;
      expect(offTrackReasons(input({ outcome: { measure: checkIn, partners: steady } }))).toEqual([]);
      const closing = [weeks(40, 38, 36), weeks(20, 26, 33)] as const;
      expect(offTrackReasons(input({ outcome: { measure: checkIn, partners: closing } }))).toEqual([]);
    });
  });

  describe('low session check-out', () => {
    const checkOut = (a: number[], b: number[]) => ({
      measure: { higherIsBetter: true, reliableChange: null },
      partners: [weeks(...a), weeks(...b)] as const,
    });

    it('flags a partner whose latest check-out is below the clinic’s line', () => {
      expect(offTrackReasons(input({ checkOut: checkOut([4, 8], [9, 5.75]) }))).toEqual([
        { kind: 'low_check_out', partner: 2, score: 5.75 },
      ]);
    });

    it('looks at the latest session only, and a score on the line is fine', () => {
      expect(offTrackReasons(input({ checkOut: checkOut([2, 6], [3, 7]) }))).toEqual([]);
      expect(offTrackReasons(input({ checkOut: checkOut([], []) }))).toEqual([]);
    });
  });

  describe('no improvement', () => {
    it('after the set number of sessions, flags a partner not better by the reliable change', () => {
      const partners = [weeks(20, 22, 25, 27), weeks(20, 24, 27, 29)] as const;
      const reasons = offTrackReasons(input({ outcome: { measure: withRci, partners }, sessionsSinceBaseline: 6 }));
      expect(reasons).toEqual([{ kind: 'no_improvement', partner: 1, sessions: 6, from: 20, to: 27 }]);
      // Before that many sessions, it is too early to say.
      expect(offTrackReasons(input({ outcome: { measure: withRci, partners }, sessionsSinceBaseline: 5 }))).toEqual([]);
    });

    it('uses recentDrop as the bar for measures without a reliable change', () => {
      const partners = [weeks(20, 21, 24), weeks(20, 22, 25)] as const;
      expect(offTrackReasons(input({ outcome: { measure: checkIn, partners }, sessionsSinceBaseline: 8 }))).toEqual([
        { kind: 'no_improvement', partner: 1, sessions: 8, from: 20, to: 24 },
      ]);
    });

    it('is not repeated for a partner already flagged as worsening', () => {
      const partners = [weeks(30, 26, 22), weeks(20, 25, 29)] as const;
      expect(offTrackReasons(input({ outcome: { measure: withRci, partners }, sessionsSinceBaseline: 10 }))).toEqual([
        { kind: 'worsening', partner: 1, from: 30, to: 22, basis: 'reliable_change' },
      ]);
    });
  });

  it('lists every reason in a fixed order', () => {
    const reasons = offTrackReasons(
      input({
        outcome: { measure: checkIn, partners: [weeks(40, 40, 40, 40), weeks(38, 36, 34, 30)] },
        checkOut: { measure: { higherIsBetter: true, reliableChange: null }, partners: [weeks(3), weeks(9)] },
        sessionsSinceBaseline: 7,
      }),
    );
    expect(reasons.map((r) => r.kind)).toEqual(['worsening', 'widening_gap', 'low_check_out', 'no_improvement']);
    expect(reasons).toEqual([
      { kind: 'worsening', partner: 2, from: 36, to: 30, basis: 'recent_drop' },
      { kind: 'widening_gap', from: 4, to: 10 },
      { kind: 'low_check_out', partner: 1, score: 3 },
      { kind: 'no_improvement', partner: 1, sessions: 7, from: 40, to: 40 },
    ]);
  });

  it.each([
    [{ ...settings, recentDrop: 0 }, /recentDrop/],
    [{ ...settings, gapWidening: -1 }, /gapWidening/],
    [{ ...settings, lowCheckOut: Number.NaN }, /lowCheckOut/],
    [{ ...settings, sessionsWithoutImprovement: 0 }, /sessionsWithoutImprovement/],
  ])('refuses settings %j', (bad, message) => {
    expect(() => offTrackReasons(input({ settings: bad }))).toThrow(message);
  });
});

describe('sessionsSinceBaseline', () => {
  // The first check-in is at midnight UTC on 1 October: still 30 September in Los Angeles.
  const outcome = { measure: checkIn, partners: [weeks(30, 31), weeks(29)] as const };
  const days = ['2026-09-24', '2026-09-30', '2026-10-01', '2026-10-08'];

  it('counts the session days on or after the first check-in’s day, on the clinic’s clock', () => {
    expect(sessionsSinceBaseline(days, outcome, 'UTC')).toBe(2);
    expect(sessionsSinceBaseline(days, outcome, 'America/Los_Angeles')).toBe(3);
  });

  it('takes the earlier partner’s first check-in as the baseline', () => {
    const later = { measure: checkIn, partners: [weeks(30, 31).slice(1), weeks(29)] as const };
    expect(sessionsSinceBaseline(days, later, 'UTC')).toBe(2);
  });

  it('is none before there is an outcome check-in', () => {
    expect(sessionsSinceBaseline(days, null, 'UTC')).toBe(0);
    expect(sessionsSinceBaseline(days, { measure: checkIn, partners: [[], []] }, 'UTC')).toBe(0);
  });
});
