import type {
  MeasureAnswers,
  MeasureDefinition,
  MeasureItem,
  MeasureScore,
  ResponseScale,
  ScoreBand,
  ScoreRange,
  ScoringMethod,
} from './measure.types';

/** Scores keep two decimals: enough for a mean of 0–10 items, and the same in JSON and numeric(8,2). */
export function roundScore(value: number): number {
  // Through a string so 1.005 rounds to 1.01 (binary floating point holds it as 1.00499…).
  return Number(`${Math.round(Number(`${value}e2`))}e-2`) + 0;
}

export function itemScale(definition: Pick<MeasureDefinition, 'scale'>, item: MeasureItem): ResponseScale {
  return item.scale ?? definition.scale;
}

/** The lowest and highest score a method gives over these item scales. */
export function rangeOf(method: ScoringMethod, scales: readonly ResponseScale[]): ScoreRange {
  const low = scales.reduce((total, s) => total + s.min, 0);
  const high = scales.reduce((total, s) => total + s.max, 0);
  if (method === 'sum') return { min: low, max: high };
  return { min: roundScore(low / scales.length), max: roundScore(high / scales.length) };
}

/** The range the definition's items, scales and method give (what its `range` must say). */
export function scoreRange(definition: MeasureDefinition): ScoreRange {
  return rangeOf(
    definition.scoring.method,
    definition.items.map((item) => itemScale(definition, item)),
  );
}

/** Which side of the cutoff a score is on; null without a cutoff. Clinical is strictly the worse side. */
export function scoreBand(definition: MeasureDefinition, score: number): ScoreBand | null {
  const cutoff = definition.clinicalCutoff;
  if (cutoff === null) return null;
  const worse = definition.higherIsBetter ? score < cutoff : score > cutoff;
  return worse ? 'clinical' : 'non_clinical';
}

function isAnswered(value: number | null | undefined): value is number {
  return value !== null && value !== undefined;
}

/**
 * One partner's score on one version of a measure. Reverse items count as `min + max - answer` on
 * their own scale. Missing items (no key, or null) are filled with the mean of the partner's
 * answered items when the rule allows that many; otherwise the score is null, and the answers are
 * still kept. Answers must have passed `validateMeasureAnswers`: anything else throws, so a bug
 * never turns into a wrong score.
 */
export function scoreMeasure(definition: MeasureDefinition, answers: MeasureAnswers): MeasureScore {
  const known = new Set(definition.items.map((item) => item.id));
  for (const key of Object.keys(answers)) {
    if (!known.has(key)) throw new RangeError(`No item "${key}" in this measure.`);
  }

  const itemScores: Record<string, number> = {};
  const missingItemIds: string[] = [];
  for (const item of definition.items) {
    const answer = Object.prototype.hasOwnProperty.call(answers, item.id) ? answers[item.id] : undefined;
    if (!isAnswered(answer)) {
      missingItemIds.push(item.id);
      continue;
    }
    const scale = itemScale(definition, item);
    if (!Number.isInteger(answer) || answer < scale.min || answer > scale.max) {
      throw new RangeError(`Answer ${answer} to "${item.id}" is outside ${scale.min}–${scale.max}.`);
    }
    itemScores[item.id] = item.reverse ? scale.min + scale.max - answer : answer;
  }

  const values = Object.values(itemScores);
  const answeredCount = values.length;
  const tooManyMissing = missingItemIds.length > definition.scoring.maxMissing || answeredCount === 0;
  let score: number | null = null;
  if (!tooManyMissing) {
    const total = values.reduce((sum, v) => sum + v, 0);
    const answeredMean = total / answeredCount;
    // Each missing item filled with the answered mean: a sum becomes that mean × the item count.
    const sum = missingItemIds.length === 0 ? total : answeredMean * definition.items.length;
    score = roundScore(definition.scoring.method === 'sum' ? sum : answeredMean);
  }
  return {
    score,
    itemScores,
    answeredCount,
    missingItemIds,
    prorated: score !== null && missingItemIds.length > 0,
    band: score === null ? null : scoreBand(definition, score),
  };
}
