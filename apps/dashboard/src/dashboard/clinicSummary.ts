import type { ClinicMeasureSummaryRow } from '@trellis/contracts';

/** The four groups in reading order, with the words each is shown with. */
export const CHANGE_GROUPS = [
  { key: 'improving', label: 'Improving' },
  { key: 'unchanged', label: 'Unchanged' },
  { key: 'worsening', label: 'Worsening' },
  { key: 'tooFew', label: 'Too soon to say' },
] as const;

export type ChangeGroup = (typeof CHANGE_GROUPS)[number]['key'];

export interface SummarySegment {
  key: ChangeGroup;
  label: string;
  count: number;
  /** Where the segment starts and how wide it is, as shares of the bar (0–100). */
  x: number;
  width: number;
}

/** One measure's bar: each group's share of the couples, left to right in CHANGE_GROUPS order. */
export function summaryBar(row: ClinicMeasureSummaryRow): { total: number; segments: SummarySegment[] } {
  const total = CHANGE_GROUPS.reduce((sum, group) => sum + row[group.key], 0);
  let x = 0;
  const segments = CHANGE_GROUPS.flatMap((group) => {
    const count = row[group.key];
    if (count === 0 || total === 0) return [];
    const width = (count / total) * 100;
    const segment = { key: group.key, label: group.label, count, x, width };
    x += width;
    return [segment];
  });
  return { total, segments };
}

/** The sentence a bar stands for, and what counted as a real change. */
export function summarySentence(row: ClinicMeasureSummaryRow): string {
  const { total } = summaryBar(row);
  const couples = `${total} ${total === 1 ? 'couple' : 'couples'}`;
  const bar =
    row.basis === 'reliable_change'
      ? `a change of ${row.threshold} points (the measure’s reliable change)`
      : `a change of ${row.threshold} points (your clinic’s setting)`;
  return `${couples}: ${row.improving} improving, ${row.unchanged} unchanged, ${row.worsening} worsening, ${row.tooFew} too soon to say. A real change is ${bar}.`;
}
