import { describe, expect, it } from '@jest/globals';
import { axisTicks, completionText, percentOf, strategyRows, weekChart, weeklySummary } from './homeCharts';

const day = (weekStart: string) => weekStart.slice(5);
const weeks = [
  { weekStart: '2026-04-27', due: 4, completed: 3 },
  { weekStart: '2026-05-04', due: 2, completed: 0 },
];

describe('home charts', () => {
  it('counts in whole, readable steps', () => {
    expect(axisTicks(0)).toEqual([0, 1]);
    expect(axisTicks(3)).toEqual([0, 1, 2, 3]);
    expect(axisTicks(7)).toEqual([0, 2, 4, 6, 8]);
    expect(axisTicks(40)).toEqual([0, 10, 20, 30, 40]);
    expect(axisTicks(41)).toEqual([0, 20, 40, 60]);
  });

  it('places each week’s due and completed bars on one scale', () => {
    const chart = weekChart(weeks, { width: 240, height: 120, left: 40, bottom: 20, top: 0 }, day);
    expect(chart.baseline).toBe(100);
    expect(chart.ticks.map((tick) => tick.value)).toEqual([0, 1, 2, 3, 4]);
    expect(chart.ticks[4].y).toBe(0);
    const [first, second] = chart.bars;
    expect(first).toMatchObject({ label: '04-27', center: 90, dueY: 0, completedY: 25, barWidth: 30 });
    expect(second).toMatchObject({ center: 190, dueY: 50, completedY: 100 });
    // Due to the left of the centre, completed to the right.
    expect(first.dueX + first.barWidth).toBeLessThan(first.center);
    expect(first.completedX).toBeGreaterThan(first.center);
  });

  it('sums the chart up in one sentence', () => {
    expect(weeklySummary(weeks, day)).toBe(
      'Last 2 weeks: 3 of 6 homework assignments due were completed by both partners (50%). Week of 05-04: 0 of 2 completed.',
    );
    expect(weeklySummary([{ weekStart: '2026-05-04', due: 0, completed: 0 }], day)).toBe(
      'No homework was due in the last week.',
    );
  });

  it('names strategies and sizes their bars against the most assigned one', () => {
    const rows = strategyRows([
      { strategy: 'apology', assigned: 4, completed: 1 },
      { strategy: 'future_strategy', assigned: 2, completed: 2 },
    ]);
    expect(rows[0]).toMatchObject({ name: 'Owning the hurt', percent: 25, completedShare: 0.25 });
    expect(rows[1]).toMatchObject({ name: 'future_strategy', percent: 100, completedShare: 1 });
  });

  it('draws every 100% strategy as a full bar, however much was assigned', () => {
    const rows = strategyRows([
      { strategy: 'apology', assigned: 2, completed: 2 },
      { strategy: 'empathy', assigned: 1, completed: 1 },
      { strategy: 'honest_talk', assigned: 0, completed: 0 },
    ]);
    expect(rows.map((row) => [row.percent, row.completedShare])).toEqual([
      [100, 1],
      [100, 1],
      [undefined, 0],
    ]);
  });

  it('words completion, without inventing a percentage for nothing', () => {
    expect(completionText(9, 12)).toBe('9 of 12 completed (75%)');
    expect(completionText(0, 0)).toBe('0 of 0 completed');
    expect(percentOf(1, 3)).toBe(33);
  });
});
