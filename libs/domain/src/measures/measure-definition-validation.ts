import type { DefinitionProblem } from '../exercises/prompt-definition-validation';
import { isSlug, SLUG_MAX_LENGTH } from '../shared/slug';
import { rangeOf, roundScore, scoreRange } from './measure-scoring';
import { type MeasureDefinition, type ResponseScale, SCORING_METHODS, type ScoringMethod } from './measure.types';

export const MEASURE_MIN_ITEMS = 1;
/** Room for the longest licensed couples instruments (the 32-item Couples Satisfaction Index). */
export const MEASURE_MAX_ITEMS = 40;
export const MEASURE_ITEM_LABEL_MAX_LENGTH = 300;
export const MEASURE_INSTRUCTIONS_MAX_LENGTH = 1000;
export const MEASURE_SCALE_LABEL_MAX_LENGTH = 80;
/** Response scales are whole numbers within this band (visual-analogue 0–10 and 1–7 Likert alike). */
export const MEASURE_SCALE_LOWEST = 0;
export const MEASURE_SCALE_HIGHEST = 100;

const DEFINITION_FIELDS = [
  'instructions',
  'items',
  'scale',
  'scoring',
  'range',
  'higherIsBetter',
  'clinicalCutoff',
  'reliableChange',
];
const ITEM_FIELDS = ['id', 'label', 'reverse', 'scale'];
const SCALE_FIELDS = ['min', 'max', 'minLabel', 'maxLabel'];
const SCORING_FIELDS = ['method', 'maxMissing'];
const RANGE_FIELDS = ['min', 'max'];

type Report = (path: string, message: string) => void;

/**
 * Checks a clinic-written measure definition (and, in tests, each built-in). The input is untrusted
 * JSON; each problem names where it is, dotted (`items.2.id`, `range.max`), and says how to fix it.
 * Beyond the shape it refuses an inconsistent rule: a range the scoring cannot give, a cutoff
 * outside the range, a reliable change wider than the range, a missing-item rule that allows no
 * answer at all. An empty list means the definition is valid.
 */
export function validateMeasureDefinition(definition: unknown): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  const report: Report = (path, message) => problems.push({ path, message });
  if (!isRecord(definition)) {
    report('', 'The definition must be an object.');
    return problems;
  }
  unknownFields(definition, DEFINITION_FIELDS, '', report);

  const instructions = definition['instructions'];
  if (typeof instructions !== 'string') report('instructions', 'Write the instructions as text (empty is allowed).');
  else if (instructions.length > MEASURE_INSTRUCTIONS_MAX_LENGTH)
    report('instructions', tooLong(MEASURE_INSTRUCTIONS_MAX_LENGTH, instructions.length));

  const defaultScale = checkScale(definition['scale'], 'scale', report);
  const itemScales = checkItems(definition['items'], defaultScale, report);
  const itemCount = Array.isArray(definition['items']) ? definition['items'].length : null;
  const method = checkScoring(definition['scoring'], itemCount, report);

  if (typeof definition['higherIsBetter'] !== 'boolean')
    report('higherIsBetter', 'Say whether a higher score means things are better (true or false).');

  const derived = method && itemScales ? rangeOf(method, itemScales) : null;
  const range = checkRange(definition['range'], derived, method, report);
  checkCutoff(definition['clinicalCutoff'], range, report);
  checkReliableChange(definition['reliableChange'], range, report);
  return problems;
}

/** The definition as given, once `validateMeasureDefinition` finds nothing wrong; otherwise null. */
export function asMeasureDefinition(definition: unknown): MeasureDefinition | null {
  return validateMeasureDefinition(definition).length === 0 ? (definition as MeasureDefinition) : null;
}

function canonicalScale(scale: ResponseScale): ResponseScale {
  return { min: scale.min, max: scale.max, minLabel: scale.minLabel, maxLabel: scale.maxLabel };
}

/**
 * A valid definition as it is stored: fields in one order (so two saves of the same rule compare
 * equal) and the range exactly as the scoring gives it (a typed 1/3 becomes 0.33).
 */
export function canonicalMeasureDefinition(definition: MeasureDefinition): MeasureDefinition {
  return {
    instructions: definition.instructions,
    items: definition.items.map((item) => ({
      id: item.id,
      label: item.label,
      reverse: item.reverse,
      ...(item.scale ? { scale: canonicalScale(item.scale) } : {}),
    })),
    scale: canonicalScale(definition.scale),
    scoring: { method: definition.scoring.method, maxMissing: definition.scoring.maxMissing },
    range: scoreRange(definition),
    higherIsBetter: definition.higherIsBetter,
    clinicalCutoff: definition.clinicalCutoff,
    reliableChange: definition.reliableChange,
  };
}

function checkScale(scale: unknown, path: string, report: Report): ResponseScale | null {
  if (!isRecord(scale)) {
    report(path, 'Give the response scale: min, max, minLabel and maxLabel.');
    return null;
  }
  unknownFields(scale, SCALE_FIELDS, path, report);
  const { min, max } = scale;
  const inBand = (n: unknown): n is number =>
    isWholeNumber(n) && n >= MEASURE_SCALE_LOWEST && n <= MEASURE_SCALE_HIGHEST;
  const bandMessage = `Use a whole number from ${MEASURE_SCALE_LOWEST} to ${MEASURE_SCALE_HIGHEST}.`;
  let ok = true;
  if (!inBand(min)) {
    report(`${path}.min`, bandMessage);
    ok = false;
  }
  if (!inBand(max)) {
    report(`${path}.max`, bandMessage);
    ok = false;
  }
  if (ok && (min as number) >= (max as number)) {
    report(`${path}.max`, 'The top of the scale must be higher than the bottom.');
    ok = false;
  }
  const limit = MEASURE_SCALE_LABEL_MAX_LENGTH;
  if (!checkText(scale['minLabel'], `${path}.minLabel`, limit, 'Say what the lowest answer means.', report)) ok = false;
  if (!checkText(scale['maxLabel'], `${path}.maxLabel`, limit, 'Say what the highest answer means.', report))
    ok = false;
  return ok ? (scale as unknown as ResponseScale) : null;
}

/** Each item's scale (its own or the default), or null when any of them is unusable. */
function checkItems(items: unknown, defaultScale: ResponseScale | null, report: Report): ResponseScale[] | null {
  if (!Array.isArray(items)) {
    report('items', 'Items must be a list.');
    return null;
  }
  let ok = defaultScale !== null;
  if (items.length < MEASURE_MIN_ITEMS || items.length > MEASURE_MAX_ITEMS) {
    report('items', `A measure has ${MEASURE_MIN_ITEMS} to ${MEASURE_MAX_ITEMS} items (this one has ${items.length}).`);
    ok = false;
  }
  const seen = new Set<string>();
  const scales: ResponseScale[] = [];
  items.forEach((item: unknown, index) => {
    const path = `items.${index}`;
    if (!isRecord(item)) {
      report(path, 'Each item must be an object with an id, a label and whether it is reverse-scored.');
      ok = false;
      return;
    }
    unknownFields(item, ITEM_FIELDS, path, report);
    if (!isSlug(item['id'])) {
      report(
        `${path}.id`,
        `Use a short id of lowercase letters and numbers, separated by single hyphens or underscores, starting with a letter (at most ${SLUG_MAX_LENGTH} characters).`,
      );
    } else if (seen.has(item['id'])) {
      report(`${path}.id`, 'Another item already uses this id.');
    } else {
      seen.add(item['id']);
    }
    checkText(item['label'], `${path}.label`, MEASURE_ITEM_LABEL_MAX_LENGTH, 'Give this item its wording.', report);
    if (typeof item['reverse'] !== 'boolean') {
      report(`${path}.reverse`, 'Say whether this item is reverse-scored (true or false).');
    }
    const own = item['scale'] === undefined ? defaultScale : checkScale(item['scale'], `${path}.scale`, report);
    if (own) scales.push(own);
    else ok = false;
  });
  return ok ? scales : null;
}

function checkScoring(scoring: unknown, itemCount: number | null, report: Report): ScoringMethod | null {
  if (!isRecord(scoring)) {
    report('scoring', 'Give the scoring rule: method (sum or mean) and maxMissing.');
    return null;
  }
  unknownFields(scoring, SCORING_FIELDS, 'scoring', report);
  const method = scoring['method'];
  const methodOk = typeof method === 'string' && (SCORING_METHODS as readonly string[]).includes(method);
  if (!methodOk) report('scoring.method', `Choose how items add up: ${SCORING_METHODS.join(' or ')}.`);
  const maxMissing = scoring['maxMissing'];
  if (!isWholeNumber(maxMissing) || maxMissing < 0) {
    report('scoring.maxMissing', 'Say how many items may be skipped: a whole number, 0 for none.');
  } else if (itemCount !== null && itemCount > 0 && maxMissing >= itemCount) {
    report(
      'scoring.maxMissing',
      `At most ${itemCount - 1} of the ${itemCount} items may be skipped: a score needs at least one answer.`,
    );
  }
  return methodOk ? (method as ScoringMethod) : null;
}

/** The range to check the cutoff and reliable change against: the derived one when known, else as given. */
function checkRange(
  range: unknown,
  derived: { min: number; max: number } | null,
  method: ScoringMethod | null,
  report: Report,
): { min: number; max: number } | null {
  if (!isRecord(range)) {
    report('range', 'Give the score range: min and max.');
    return derived;
  }
  unknownFields(range, RANGE_FIELDS, 'range', report);
  const { min, max } = range;
  if (!isFiniteNumber(min)) report('range.min', 'Give the lowest possible score as a number.');
  if (!isFiniteNumber(max)) report('range.max', 'Give the highest possible score as a number.');
  if (!isFiniteNumber(min) || !isFiniteNumber(max)) return derived;
  if (derived) {
    const how = `A ${method} of these items on their scales runs from ${derived.min} to ${derived.max}`;
    if (roundScore(min) !== derived.min) report('range.min', `${how}, so the lowest score is ${derived.min}.`);
    if (roundScore(max) !== derived.max) report('range.max', `${how}, so the highest score is ${derived.max}.`);
    return derived;
  }
  if (min >= max) {
    report('range.max', 'The highest score must be above the lowest.');
    return null;
  }
  return { min, max };
}

function checkCutoff(cutoff: unknown, range: { min: number; max: number } | null, report: Report): void {
  if (cutoff === null) return;
  if (!isFiniteNumber(cutoff)) {
    report('clinicalCutoff', 'Give the clinical cutoff as a number, or null when the measure has none.');
  } else if (range && (cutoff <= range.min || cutoff >= range.max)) {
    report(
      'clinicalCutoff',
      `The cutoff must lie inside the score range (${range.min} to ${range.max}), or every score would fall on one side.`,
    );
  }
}

function checkReliableChange(change: unknown, range: { min: number; max: number } | null, report: Report): void {
  if (change === null) return;
  if (!isFiniteNumber(change) || change <= 0) {
    report('reliableChange', 'Give the reliable change as a positive number, or null when none is known.');
  } else if (range && change > range.max - range.min) {
    report(
      'reliableChange',
      `A reliable change of ${change} is more than the whole score range (${range.max - range.min}): no change could reach it.`,
    );
  }
}

function unknownFields(value: Record<string, unknown>, allowed: readonly string[], path: string, report: Report): void {
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) report(path ? `${path}.${key}` : key, 'Remove this field; measures do not use it.');
  }
}

function checkText(value: unknown, path: string, maxLength: number, emptyMessage: string, report: Report): boolean {
  if (typeof value !== 'string' || value.trim() === '') {
    report(path, emptyMessage);
    return false;
  }
  if (value.length > maxLength) {
    report(path, tooLong(maxLength, value.length));
    return false;
  }
  return true;
}

function tooLong(max: number, actual: number): string {
  return `Keep this to ${max} characters or fewer (it has ${actual}).`;
}

function isWholeNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value);
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
