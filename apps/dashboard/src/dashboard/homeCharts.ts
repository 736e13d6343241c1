import type { TherapistHome } from '@trellis/contracts';
import { formatShortDate } from '../common/dates';
import { strategyName } from '../resources/exercises/exerciseLabels';

export type WeekCompletion = TherapistHome['completionByWeek'][number];
export type StrategyCompletion = TherapistHome['completionByStrategy'][number];

/** "75%", or undefined when there is nothing to divide (no homework is not 0% done). */
export const percentOf = (part: number, whole: number): number | undefined =>
  whole > 0 ? Math.round((part / whole) * 100) : undefined;

/**
 * Axis values from 0 past `value` in whole steps of 1, 2 or 5 (times ten), at most `maxSteps`
 * steps: counts of homework are small whole numbers, and "2.5 assignments" reads oddly.
 */
export const axisTicks = (value: number, maxSteps = 4): number[] => {
  const top = Math.max(1, Math.ceil(value));
  for (let magnitude = 1; ; magnitude *= 10) {
    for (const base of [1, 2, 5]) {
      const step = base * magnitude;
      const steps = Math.ceil(top / step);
      if (steps <= maxSteps) return Array.from({ length: steps + 1 }, (_, index) => index * step);
    }
  }
};

export interface ChartBox {
  width: number;
  height: number;
  /** Room for the axis labels: left of the bars, and under them. */
  left: number;
  bottom: number;
  top: number;
}

export interface WeekBar extends WeekCompletion {
  label: string;
  /** Centre of the week's pair of bars, for its label. */
  center: number;
  dueX: number;
  completedX: number;
  barWidth: number;
  dueY: number;
  completedY: number;
}

export interface WeekChart {
  bars: WeekBar[];
  ticks: { value: number; y: number }[];
  /** The bars' baseline. */
  baseline: number;
}

/** Where each week's two bars (due, completed) go in an SVG of `box`'s size. */
export const weekChart = (
  weeks: readonly WeekCompletion[],
  box: ChartBox,
  formatDay: (day: string) => string = formatShortDate,
): WeekChart => {
  const plotWidth = box.width - box.left;
  const plotHeight = box.height - box.top - box.bottom;
  const baseline = box.top + plotHeight;
  const values = axisTicks(Math.max(0, ...weeks.map((week) => Math.max(week.due, week.completed))));
  const top = values[values.length - 1];
  const y = (value: number) => baseline - (value / top) * plotHeight;
  const slot = weeks.length > 0 ? plotWidth / weeks.length : plotWidth;
  const barWidth = slot * 0.3;
  return {
    baseline,
    ticks: values.map((value) => ({ value, y: y(value) })),
    bars: weeks.map((week, index) => {
      const center = box.left + slot * index + slot / 2;
      return {
        ...week,
        label: formatDay(week.weekStart),
        center,
        barWidth,
        dueX: center - barWidth - 1,
        completedX: center + 1,
        dueY: y(week.due),
        completedY: y(week.completed),
      };
    }),
  };
};

/** One sentence for the chart's accessible name: the totals, then the latest week. */
export const weeklySummary = (
  weeks: readonly WeekCompletion[],
  formatDay: (day: string) => string = formatShortDate,
): string => {
  const due = weeks.reduce((sum, week) => sum + week.due, 0);
  const completed = weeks.reduce((sum, week) => sum + week.completed, 0);
  const period = weeks.length === 1 ? 'week' : `${weeks.length} weeks`;
  if (due === 0) return `No homework was due in the last ${period}.`;
  const latest = weeks[weeks.length - 1];
  const latestText = latest
    ? ` Week of ${formatDay(latest.weekStart)}: ${latest.completed} of ${latest.due} completed.`
    : '';
  return `Last ${period}: ${completed} of ${due} homework assignments due were completed by both partners (${percentOf(completed, due)}%).${latestText}`;
};

export interface StrategyRow extends StrategyCompletion {
  name: string;
  percent: number | undefined;
  /**
   * The filled part of the strategy's bar: the share of its homework completed. Every bar's track
   * is its own assigned homework, so "1 of 1 (100%)" and "2 of 2 (100%)" both read full; the
   * counts are in the words beside it.
   */
  completedShare: number;
}

/** The per-strategy bars, most assigned first (the API's order), with display names. */
export const strategyRows = (rows: readonly StrategyCompletion[]): StrategyRow[] =>
  rows.map((row) => ({
    ...row,
    name: strategyName(row.strategy),
    percent: percentOf(row.completed, row.assigned),
    completedShare: row.assigned > 0 ? Math.min(1, row.completed / row.assigned) : 0,
  }));

/** "9 of 12 completed (75%)". */
export const completionText = (completed: number, total: number): string => {
  const percent = percentOf(completed, total);
  return `${completed} of ${total} completed${percent === undefined ? '' : ` (${percent}%)`}`;
};
