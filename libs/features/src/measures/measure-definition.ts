import type { FieldError } from '@trellis/contracts';
import {
  canonicalMeasureDefinition,
  type DefinitionProblem,
  type MeasureAnswers,
  type MeasureDefinition,
  validateMeasureAnswers,
  validateMeasureDefinition,
} from '@trellis/domain';
import { validationProblem } from '../http/problem.exception';

/** A domain problem as a field error of the body: `items.2.id` under `definition` → `definition.items.2.id`. */
function toFieldErrors(field: string, problems: DefinitionProblem[]): FieldError[] {
  return problems.map((p) => ({ field: p.path ? `${field}.${p.path}` : field, message: p.message }));
}

/** The definition in its stored form once the domain rules accept it; otherwise a 400 naming each problem. */
export function checkedDefinition(definition: unknown): MeasureDefinition {
  const errors = toFieldErrors('definition', validateMeasureDefinition(definition));
  if (errors.length > 0) throw validationProblem(errors);
  return canonicalMeasureDefinition(definition as MeasureDefinition);
}

/** The answers, once they fit the definition's items and scales; otherwise a 400 naming each answer. */
export function checkedAnswers(definition: MeasureDefinition, answers: unknown): MeasureAnswers {
  const errors = toFieldErrors('answers', validateMeasureAnswers(definition, answers));
  if (errors.length > 0) throw validationProblem(errors);
  return answers as MeasureAnswers;
}
