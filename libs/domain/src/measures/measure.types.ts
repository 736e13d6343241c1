/**
 * A measure: a short questionnaire a partner answers, scored into one number that can be followed
 * over time (is the couple doing better?). Its definition is versioned: a score always names the
 * version it was computed with, and a new version never changes a score already given.
 *
 * Definitions are plain JSON-compatible data, stored on each version row as written here.
 */

/** outcome: how the relationship is doing (the weekly check-in); alliance: how a session went (the check-out). */
export const MEASURE_KINDS = ['outcome', 'alliance'] as const;
export type MeasureKind = (typeof MEASURE_KINDS)[number];

export const SCORING_METHODS = ['sum', 'mean'] as const;
export type ScoringMethod = (typeof SCORING_METHODS)[number];

/** Whole-number answers from `min` to `max`, with what the two ends mean. */
export interface ResponseScale {
  readonly min: number;
  readonly max: number;
  readonly minLabel: string;
  readonly maxLabel: string;
}

export interface MeasureItem {
  /** Stable slug (see SLUG_PATTERN), unique within the measure; answers are keyed by it. */
  readonly id: string;
  /** The statement or question as the partner sees it. */
  readonly label: string;
  /**
   * A reverse-scored item: a high answer means things are worse, so it counts as
   * `scale.min + scale.max - answer` (on the item's own scale).
   */
  readonly reverse: boolean;
  /** Only when this item's scale differs from the measure's (licensed instruments mix scales). */
  readonly scale?: ResponseScale;
}

export interface ScoringRule {
  readonly method: ScoringMethod;
  /**
   * How many items may go unanswered and still give a score. Each missing item counts as the mean
   * of the partner's own answered items (after reverse scoring), which is prorating; with more
   * missing items there is no score. 0: every item must be answered.
   */
  readonly maxMissing: number;
}

/** The lowest and highest score the scoring can give; must match the items, scales and method. */
export interface ScoreRange {
  readonly min: number;
  readonly max: number;
}

export interface MeasureDefinition {
  /** Shown above the items, in the partner's words. */
  readonly instructions: string;
  readonly items: readonly MeasureItem[];
  /** The response scale of every item that does not set its own. */
  readonly scale: ResponseScale;
  readonly scoring: ScoringRule;
  readonly range: ScoreRange;
  /** Which way is better: decides "worsening" and which side of the cutoff is clinical. */
  readonly higherIsBetter: boolean;
  /**
   * A score strictly on the worse side of this is in the clinical range (below it when higher is
   * better). Enter a half point for "at or beyond": 9.5 for a "10 or more" rule. Null: no cutoff.
   */
  readonly clinicalCutoff: number | null;
  /** The smallest change between two scores that counts as real, not noise. Null: none known. */
  readonly reliableChange: number | null;
}

/** One partner's answers, keyed by item id; a missing key or null means the item was skipped. */
export type MeasureAnswers = Readonly<Record<string, number | null | undefined>>;

export type ScoreBand = 'clinical' | 'non_clinical';

export interface MeasureScore {
  /** Rounded to two decimals; null when more items are missing than the rule allows. */
  readonly score: number | null;
  /** Each answered item's value after reverse scoring, in item order. */
  readonly itemScores: Readonly<Record<string, number>>;
  readonly answeredCount: number;
  readonly missingItemIds: readonly string[];
  /** Some items were missing and filled from the partner's own answers. */
  readonly prorated: boolean;
  /** Null when the measure has no cutoff or there is no score. */
  readonly band: ScoreBand | null;
}

/** A built-in measure, in Trellis's own words; synced into every database at start and migrate. */
export interface BuiltInMeasure {
  /** Stable slug among built-ins. */
  readonly key: string;
  readonly kind: MeasureKind;
  readonly title: string;
  readonly description: string;
  /** Bump it with any change to the definition: the new version is added, the old ones stay. */
  readonly version: number;
  readonly definition: MeasureDefinition;
}
