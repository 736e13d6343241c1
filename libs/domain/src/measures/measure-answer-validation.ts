import type { DefinitionProblem } from '../exercises/prompt-definition-validation';
import { itemScale } from './measure-scoring';
import type { MeasureAnswers, MeasureDefinition } from './measure.types';

/**
 * Checks one partner's answers to a (valid) measure definition: an object keyed by item id, each
 * value a whole number on that item's scale, or null for a skipped item. Whether enough items are
 * answered is the scoring rule's business (a null score), not an error. Paths are the item ids.
 */
export function validateMeasureAnswers(definition: MeasureDefinition, answers: unknown): DefinitionProblem[] {
  if (typeof answers !== 'object' || answers === null || Array.isArray(answers)) {
    return [{ path: '', message: 'Answers must be an object keyed by item id.' }];
  }
  const problems: DefinitionProblem[] = [];
  const items = new Map(definition.items.map((item) => [item.id, item]));
  for (const [key, value] of Object.entries(answers)) {
    const item = items.get(key);
    if (!item) {
      problems.push({ path: key, message: 'No item of this measure has this id.' });
      continue;
    }
    if (value === null) continue;
    const scale = itemScale(definition, item);
    if (typeof value !== 'number' || !Number.isInteger(value) || value < scale.min || value > scale.max) {
      problems.push({
        path: key,
        message: `Answer with a whole number from ${scale.min} to ${scale.max}, or null to skip the item.`,
      });
    }
  }
  return problems;
}

/** The answers as given, once `validateMeasureAnswers` finds nothing wrong; otherwise null. */
export function asMeasureAnswers(definition: MeasureDefinition, answers: unknown): MeasureAnswers | null {
  return validateMeasureAnswers(definition, answers).length === 0 ? (answers as MeasureAnswers) : null;
}
