import type { MeasureDefinition } from './measure.types';

/** Where a couple stands on a measure, from each partner's first and latest scored check-in. */
export type CoupleChange = 'improving' | 'unchanged' | 'worsening' | 'too_few';

/** One partner's scored check-ins on a measure: the first, the latest, and how many. */
export interface PartnerSpan {
  readonly first: number;
  readonly latest: number;
  readonly count: number;
}

/**
 * Is the couple better or worse than when they started? Each partner with at least two scored
 * check-ins is compared with their own first one, by the measure's reliable change, or, for a
 * measure without one, by the clinic's off-track drop (`fallback`, the same bar offTrackReasons
 * uses). Worsening wins: a couple where one partner got reliably worse is worsening even if the
 * other improved, because that is the couple a therapist needs to look at. Improving when at
 * least one partner improved by the bar and neither worsened; unchanged otherwise; too_few
 * when no partner has two check-ins yet. Pure; throws RangeError for a bar that is not positive.
 */
export function coupleChange(
  measure: Pick<MeasureDefinition, 'higherIsBetter' | 'reliableChange'>,
  partners: readonly PartnerSpan[],
  fallback: number,
): CoupleChange {
  const bar = changeBar(measure, fallback);
  const changes = partners
    .filter((p) => p.count >= 2)
    .map((p) => (measure.higherIsBetter ? p.latest - p.first : p.first - p.latest));
  if (changes.length === 0) return 'too_few';
  if (changes.some((change) => change <= -bar)) return 'worsening';
  if (changes.some((change) => change >= bar)) return 'improving';
  return 'unchanged';
}

/** The change that counts as real on this measure: its reliable change, else the clinic's bar. */
export function changeBar(measure: Pick<MeasureDefinition, 'reliableChange'>, fallback: number): number {
  const bar = measure.reliableChange ?? fallback;
  if (!Number.isFinite(bar) || bar <= 0) throw new RangeError(`the change bar must be a positive number: ${bar}`);
  return bar;
}
