import type { CoupleMeasureResponses } from '@trellis/contracts';
import { toCsv } from '../audit/csv';

const PARTNER = { 1: 'A', 2: 'B' } as const;

/**
 * One row per partner per check-in, oldest first: when, which version, the score, and each item's
 * answer as given (empty: skipped, or not asked in that version). Item columns are the current
 * version's items in order, then any only older versions asked, as first met.
 */
export function responsesCsv(data: CoupleMeasureResponses, currentItemIds: readonly string[]): string {
  const items = [...currentItemIds];
  const rows = data.partners
    .flatMap((partner) => partner.responses.map((response) => ({ partner: partner.position, response })))
    .sort((a, b) => a.response.submittedAt.localeCompare(b.response.submittedAt) || a.partner - b.partner);
  for (const { response } of rows) {
    for (const item of Object.keys(response.answers)) if (!items.includes(item)) items.push(item);
  }
  const text = (value: number | string | boolean | null | undefined) =>
    value === null || value === undefined ? null : String(value);
  return toCsv(
    ['partner', 'submitted_at', 'occurrence', 'measure_version', 'score', 'band', 'prorated', ...items],
    rows.map(({ partner, response }) => [
      PARTNER[partner],
      response.submittedAt,
      response.occurrence,
      text(response.measureVersion),
      text(response.score),
      response.band,
      text(response.prorated),
      ...items.map((item) => text(response.answers[item])),
    ]),
  );
}
