import { describe, expect, it } from '@jest/globals';
import type { CoupleMeasureResponses, MeasureResponsePoint } from '@trellis/contracts';
import { itemTrend, PROGRESS_BOX, progressChart, progressSummary } from './progressChart';

const point = (occurrence: string, day: number, score: number | null, hour = 10): MeasureResponsePoint => ({
  id: `${occurrence}-${hour}`,
  occurrence,
  submittedAt: new Date(Date.UTC(2026, 9, day, hour)).toISOString(),
  measureVersion: 1,
  score,
  band: null,
  prorated: false,
  answers: {},
  itemScores: {},
});

const data = (overrides: Partial<CoupleMeasureResponses['measure']> = {}): CoupleMeasureResponses => ({
  measure: {
    id: 'm',
    key: 'trust-and-connection',
    kind: 'outcome',
    title: 'Weekly check-in',
    description: '',
    source: 'builtin',
    currentVersion: 1,
    itemCount: 5,
    range: { min: 0, max: 50 },
    higherIsBetter: true,
    clinicalCutoff: null,
    reliableChange: null,
    ...overrides,
  },
  partners: [
    { clientId: 'a', position: 1, responses: [point('w1', 1, 20), point('w2', 8, 30), point('w3', 15, 40)] },
    { clientId: 'b', position: 2, responses: [point('w1', 2, 20, 9), point('w2', 9, null), point('w3', 16, 10)] },
  ],
  sessionDates: [],
});

describe('progressChart', () => {
  const box = PROGRESS_BOX;
  const bottom = box.height - box.bottom;

  it('places scores by date and by the measure’s range', () => {
    const chart = progressChart(data());
    const [first, second] = chart.lines;
    expect(first.map((p) => p.score)).toEqual([20, 30, 40]);
    expect(first[0].x).toBe(box.left);
    expect(first[2].y).toBeCloseTo(box.top + (bottom - box.top) * 0.2);
    // An unscored check-in (too many items skipped) is left out of the line, not drawn as 0.
    expect(second.map((p) => p.score)).toEqual([20, 10]);
    expect(chart.ticks.map((t) => t.value)).toEqual([0, 10, 20, 30, 40, 50]);
    expect(chart.ticks[0].y).toBe(bottom);
  });

  it('shades the gap only where both answered the same check-in', () => {
    const chart = progressChart(data());
    expect(chart.gapPolygon?.split(' ')).toHaveLength(4);
    const lonely = data();
    lonely.partners[1].responses = [point('w9', 3, 12)];
    expect(progressChart(lonely).gapPolygon).toBeNull();
  });

  it('draws the clinical band on the worse side of the cutoff', () => {
    const higher = progressChart(data({ clinicalCutoff: 25 })).clinicalBand;
    expect(higher?.y).toBeCloseTo(box.top + (bottom - box.top) / 2);
    expect((higher?.y ?? 0) + (higher?.height ?? 0)).toBeCloseTo(bottom);
    const lower = progressChart(data({ clinicalCutoff: 25, higherIsBetter: false })).clinicalBand;
    expect(lower?.y).toBe(box.top);
    expect(progressChart(data()).clinicalBand).toBeNull();
  });

  it('lists every check-in with both scores and the gap, oldest first', () => {
    expect(progressChart(data()).rows.map((r) => [r.occurrence, r.scores, r.gap])).toEqual([
      ['w1', [20, 20], 0],
      ['w2', [30, null], null],
      ['w3', [40, 10], 30],
    ]);
  });

  it('copes with a single check-in and with none', () => {
    const one = data();
    one.partners = [{ clientId: 'a', position: 1, responses: [point('w1', 1, 20)] }];
    expect(progressChart(one).lines[0][0].x).toBe(box.left + (box.width - box.left - box.right) / 2);
    one.partners = [];
    expect(progressChart(one).rows).toEqual([]);
  });

  it('sums up both partners in a sentence', () => {
    expect(progressSummary(data(), ['Alex', 'Sam'])).toBe(
      'Weekly check-in (0–50): Alex went from 20 to 40; Sam went from 20 to 10.',
    );
  });
});

describe('itemTrend', () => {
  it('gives each item’s scores per partner over the latest check-ins, skipped ones as null', () => {
    const trend = data();
    trend.partners[0].responses = trend.partners[0].responses.map((r, i) => ({
      ...r,
      itemScores: { close: i + 4, calm: 2 },
    }));
    trend.partners[1].responses = trend.partners[1].responses.map((r, i) => ({
      ...r,
      itemScores: (i === 1 ? {} : { close: 9 - i }) as Record<string, number>,
    }));
    const result = itemTrend(
      trend,
      [
        { id: 'close', label: 'Close' },
        { id: 'calm', label: 'Calm' },
      ],
      2,
    );
    expect(result.occurrences).toEqual(['w2', 'w3']);
    expect(result.rows).toEqual([
      {
        itemId: 'close',
        label: 'Close',
        scores: [
          [5, 6],
          [null, 7],
        ],
      },
      {
        itemId: 'calm',
        label: 'Calm',
        scores: [
          [2, 2],
          [null, null],
        ],
      },
    ]);
  });
});

describe('session dates on the progress chart', () => {
  const box = PROGRESS_BOX;

  it('marks the sessions within the check-ins’ span, and counts them in the table', () => {
    const withSessions = {
      ...data(),
      sessionDates: ['2026-09-20', '2026-10-01', '2026-10-05', '2026-10-08', '2026-11-30'],
    };
    const chart = progressChart(withSessions);
    // 20 September is long before the first check-in and 30 November after the last: not drawn.
    expect(chart.sessions.map((s) => s.date)).toEqual(['2026-10-01', '2026-10-05', '2026-10-08']);
    expect(chart.sessions[0].x).toBeGreaterThanOrEqual(box.left);
    expect(chart.sessions[1].x).toBeGreaterThan(chart.sessions[0].x);
    expect(chart.sessions[2].x).toBeLessThanOrEqual(box.width - box.right);
    // Each session counts towards the first check-in on or after its day, once.
    expect(chart.rows.map((r) => r.sessionsSincePrevious)).toEqual([2, 2, 0]);
    expect(progressSummary(withSessions, ['Avery', 'Blake'])).toMatch(/3 sessions marked\.$/);
  });

  it('draws none without check-ins or sessions', () => {
    expect(progressChart(data()).sessions).toEqual([]);
    const empty = { ...data(), partners: [], sessionDates: ['2026-10-01'] };
    expect(progressChart(empty).sessions).toEqual([]);
  });
});
