import { describe, expect, it } from '@jest/globals';
import type { CoupleMeasureResponses, MeasureResponsePoint } from '@trellis/contracts';
import { PROGRESS_BOX, progressChart, progressSummary } from './progressChart';

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
