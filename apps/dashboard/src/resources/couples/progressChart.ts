import type { CoupleMeasureResponses } from '@trellis/contracts';

/** The chart's drawing area, in SVG units. */
export const PROGRESS_BOX = { width: 560, height: 220, left: 34, right: 10, top: 10, bottom: 24 };

export interface ChartPoint {
  x: number;
  y: number;
  score: number;
  occurrence: string;
  at: string;
}

export interface ProgressRow {
  occurrence: string;
  /** When the first of the two answered. */
  at: string;
  scores: [number | null, number | null];
  /** Null unless both answered with a score. */
  gap: number | null;
  /** Sessions held after the previous check-in, up to this one's day. */
  sessionsSincePrevious: number;
}

export interface ProgressChart {
  /** Each partner's scored check-ins, oldest first (unscored ones are left out of the line). */
  lines: [ChartPoint[], ChartPoint[]];
  /** The area between the two lines where both answered the same check-in, as an SVG polygon. */
  gapPolygon: string | null;
  /** The clinical range as a band: from the cutoff to the worse end of the range. */
  clinicalBand: { y: number; height: number } | null;
  ticks: { value: number; y: number }[];
  /** One row per check-in either partner answered, oldest first: the table behind the chart. */
  rows: ProgressRow[];
  /** The couple's sessions within the check-ins' span, as vertical marks. */
  sessions: { x: number; date: string }[];
}

/** A session date (a calendar day) as a moment: its middle, so it sits between the day's check-ins. */
const sessionTime = (date: string) => Date.parse(`${date}T12:00:00Z`);

/**
 * Lays out both partners' scores on one measure over time: x by date, y by score within the
 * measure's range. Pure, so the drawing and the table behind it are tested without a browser.
 */
export const progressChart = (data: CoupleMeasureResponses): ProgressChart => {
  const { range, clinicalCutoff, higherIsBetter } = data.measure;
  const box = PROGRESS_BOX;
  const plotWidth = box.width - box.left - box.right;
  const plotHeight = box.height - box.top - box.bottom;
  const partners = [1, 2].map((position) => data.partners.find((p) => p.position === position));
  const all = partners.flatMap((p) => p?.responses ?? []);
  const times = all.map((r) => Date.parse(r.submittedAt));
  const first = Math.min(...times);
  const last = Math.max(...times);
  const span = last - first || 1;
  const xOf = (iso: string) =>
    box.left + (all.length <= 1 ? plotWidth / 2 : ((Date.parse(iso) - first) / span) * plotWidth);
  const yOf = (score: number) => box.top + plotHeight * (1 - (score - range.min) / (range.max - range.min || 1));

  const lines = partners.map((p) =>
    (p?.responses ?? [])
      .filter((r) => r.score !== null)
      .map((r) => ({
        x: xOf(r.submittedAt),
        y: yOf(r.score as number),
        score: r.score as number,
        occurrence: r.occurrence,
        at: r.submittedAt,
      })),
  ) as [ChartPoint[], ChartPoint[]];

  const second = new Map(lines[1].map((point) => [point.occurrence, point]));
  const paired = lines[0]
    .filter((point) => second.has(point.occurrence))
    .map((point) => [point, second.get(point.occurrence) as ChartPoint]);
  // Each pair drawn at the first partner's x, so the band does not zig-zag between answer days.
  const gapPolygon =
    paired.length >= 2
      ? [
          ...paired.map(([a]) => `${a.x.toFixed(1)},${a.y.toFixed(1)}`),
          ...paired
            .slice()
            .reverse()
            .map(([a, b]) => `${a.x.toFixed(1)},${b.y.toFixed(1)}`),
        ].join(' ')
      : null;

  let clinicalBand: ProgressChart['clinicalBand'] = null;
  if (clinicalCutoff !== null) {
    const cutoffY = yOf(clinicalCutoff);
    clinicalBand = higherIsBetter
      ? { y: cutoffY, height: box.top + plotHeight - cutoffY }
      : { y: box.top, height: cutoffY - box.top };
  }

  const steps = 5;
  const ticks = Array.from({ length: steps + 1 }, (_, i) => {
    const value = Math.round((range.min + ((range.max - range.min) * i) / steps) * 100) / 100;
    return { value, y: yOf(value) };
  });

  const byOccurrence = new Map<string, ProgressRow>();
  partners.forEach((p, index) => {
    for (const r of p?.responses ?? []) {
      const row = byOccurrence.get(r.occurrence) ?? {
        occurrence: r.occurrence,
        at: r.submittedAt,
        scores: [null, null],
        gap: null,
        sessionsSincePrevious: 0,
      };
      row.scores[index] = r.score;
      if (r.submittedAt < row.at) row.at = r.submittedAt;
      byOccurrence.set(r.occurrence, row);
    }
  });
  const rows = [...byOccurrence.values()]
    .map((row) => ({
      ...row,
      gap:
        row.scores[0] !== null && row.scores[1] !== null
          ? Math.round(Math.abs(row.scores[0] - row.scores[1]) * 100) / 100
          : null,
    }))
    .sort((a, b) => a.at.localeCompare(b.at));
  // Each session counts towards the first check-in on or after its day (dates, not hours: a
  // session's time of day is not kept); sessions after the latest check-in wait for the next one.
  for (const date of data.sessionDates ?? []) {
    const row = rows.find((r) => r.at.slice(0, 10) >= date);
    if (row) row.sessionsSincePrevious += 1;
  }

  const sessions =
    all.length === 0
      ? []
      : (data.sessionDates ?? [])
          .filter((date) => sessionTime(date) >= first - 12 * 3600_000 && sessionTime(date) <= last + 12 * 3600_000)
          .map((date) => ({
            date,
            x: Math.min(Math.max(xOf(new Date(sessionTime(date)).toISOString()), box.left), box.width - box.right),
          }));

  return { lines, gapPolygon, clinicalBand, ticks, rows, sessions };
};

/** One sentence for screen readers: where each partner started and is now. */
export const progressSummary = (data: CoupleMeasureResponses, names: [string, string]): string => {
  const parts = [1, 2].map((position, index) => {
    const scored = (data.partners.find((p) => p.position === position)?.responses ?? []).filter(
      (r) => r.score !== null,
    );
    if (scored.length === 0) return `${names[index]} has no scored check-ins yet`;
    const from = scored[0].score;
    const to = scored[scored.length - 1].score;
    return scored.length === 1 ? `${names[index]} scored ${to}` : `${names[index]} went from ${from} to ${to}`;
  });
  const sessions = progressChart(data).sessions.length;
  const marked = sessions === 0 ? '' : ` ${sessions} ${sessions === 1 ? 'session' : 'sessions'} marked.`;
  return `${data.measure.title} (${data.measure.range.min}–${data.measure.range.max}): ${parts.join('; ')}.${marked}`;
};

export interface ItemTrendRow {
  itemId: string;
  label: string;
  /** Per partner, the item score (after reverse scoring) at each of the latest check-ins; null: skipped. */
  scores: [(number | null)[], (number | null)[]];
}

/**
 * How each item moved over the latest check-ins, per partner: which parts of the relationship a
 * change in the total comes from. Item scores are after reverse scoring, so up is always better
 * when the measure's higher is better. Items are the given (current) ones, in order.
 */
export const itemTrend = (
  data: CoupleMeasureResponses,
  items: readonly { id: string; label: string }[],
  latest = 4,
): { occurrences: string[]; rows: ItemTrendRow[] } => {
  const occurrences = progressChart(data)
    .rows.slice(-latest)
    .map((row) => row.occurrence);
  const partners = [1, 2].map((position) => data.partners.find((p) => p.position === position));
  const rows = items.map((item) => ({
    itemId: item.id,
    label: item.label,
    scores: partners.map((p) =>
      occurrences.map((occurrence) => {
        const response = p?.responses.find((r) => r.occurrence === occurrence);
        return response?.itemScores[item.id] ?? null;
      }),
    ) as [(number | null)[], (number | null)[]],
  }));
  return { occurrences, rows };
};
