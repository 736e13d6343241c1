import type { MeasureDetail, MeasureInput } from '@trellis/contracts';
import {
  isSlug,
  type MeasureDefinition,
  type MeasureKind,
  rangeOf,
  type ResponseScale,
  type ScoringMethod,
  SLUG_MAX_LENGTH,
  validateMeasureDefinition,
} from '@trellis/domain';
import type { FormErrors } from '../../data/formErrors';

/** One item as the editor holds it; `key` is React's, stable while items move. */
export interface ItemDraft {
  key: string;
  id: string;
  label: string;
  reverse: boolean;
  /** Kept as entered through the API: the editor edits the measure's scale only. */
  scale?: ResponseScale;
}

/** The editor's state: numbers stay text while typed, an empty cutoff or change means none. */
export interface MeasureDraft {
  title: string;
  description: string;
  kind: MeasureKind;
  instructions: string;
  scaleMin: string;
  scaleMax: string;
  minLabel: string;
  maxLabel: string;
  items: ItemDraft[];
  method: ScoringMethod;
  maxMissing: string;
  higherIsBetter: boolean;
  clinicalCutoff: string;
  reliableChange: string;
}

let nextKey = 0;
export const newItemKey = (): string => `item-${(nextKey += 1)}`;

export const blankItem = (): ItemDraft => ({ key: newItemKey(), id: '', label: '', reverse: false });

export const blankMeasure = (): MeasureDraft => ({
  title: '',
  description: '',
  kind: 'outcome',
  instructions: '',
  scaleMin: '0',
  scaleMax: '10',
  minLabel: 'Not at all',
  maxLabel: 'Completely',
  items: [blankItem(), blankItem(), blankItem()],
  method: 'sum',
  maxMissing: '0',
  higherIsBetter: true,
  clinicalCutoff: '',
  reliableChange: '',
});

/**
 * The editor state of an existing measure, to write its next version. Items with a scale of their
 * own (entered through the API) keep it unchanged: the editor shows the measure's scale only.
 */
export const draftFrom = (measure: MeasureDetail): MeasureDraft => {
  const d = measure.definition;
  return {
    title: measure.title,
    description: measure.description,
    kind: measure.kind,
    instructions: d.instructions,
    scaleMin: String(d.scale.min),
    scaleMax: String(d.scale.max),
    minLabel: d.scale.minLabel,
    maxLabel: d.scale.maxLabel,
    items: d.items.map((item) => ({
      key: newItemKey(),
      id: item.id,
      label: item.label,
      reverse: item.reverse,
      ...(item.scale ? { scale: item.scale } : {}),
    })),
    method: d.scoring.method,
    maxMissing: String(d.scoring.maxMissing),
    higherIsBetter: d.higherIsBetter,
    clinicalCutoff: d.clinicalCutoff === null ? '' : String(d.clinicalCutoff),
    reliableChange: d.reliableChange === null ? '' : String(d.reliableChange),
  };
};

/** "Felt heard, today?" → "felt-heard-today": an item id from its wording, unique among `taken`. */
export const itemIdFromLabel = (label: string, taken: readonly string[]): string => {
  let base = label
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .split('-')
    .slice(0, 5)
    .join('-');
  if (!/^[a-z]/.test(base)) base = base ? `item-${base}` : 'item';
  base = base.slice(0, SLUG_MAX_LENGTH - 4).replace(/-+$/, '');
  if (!taken.includes(base)) return base;
  for (let n = 2; ; n++) if (!taken.includes(`${base}-${n}`)) return `${base}-${n}`;
};

/** Text to a number, or NaN when it is not one (so the domain rules name the field). */
const numberOf = (text: string): number => (text.trim() === '' ? Number.NaN : Number(text));
const optionalNumber = (text: string): number | null => (text.trim() === '' ? null : Number(text));

/** Item ids filled in from the wording where the author left them blank. */
const withIds = (items: readonly ItemDraft[]) => {
  const taken: string[] = items.map((item) => item.id.trim()).filter((id) => id !== '');
  return items.map((item) => {
    const id = item.id.trim() || itemIdFromLabel(item.label, taken);
    if (!item.id.trim()) taken.push(id);
    return { id, label: item.label.trim(), reverse: item.reverse, ...(item.scale ? { scale: item.scale } : {}) };
  });
};

/** The definition the draft describes, with the range worked out from the items and scale. */
export const definitionOf = (draft: MeasureDraft): MeasureDefinition => {
  const scale: ResponseScale = {
    min: numberOf(draft.scaleMin),
    max: numberOf(draft.scaleMax),
    minLabel: draft.minLabel.trim(),
    maxLabel: draft.maxLabel.trim(),
  };
  const items = withIds(draft.items);
  const range =
    items.length > 0 && Number.isFinite(scale.min) && Number.isFinite(scale.max)
      ? rangeOf(
          draft.method,
          items.map((item) => item.scale ?? scale),
        )
      : { min: 0, max: 0 };
  return {
    instructions: draft.instructions.trim(),
    items,
    scale,
    scoring: { method: draft.method, maxMissing: numberOf(draft.maxMissing) },
    range,
    higherIsBetter: draft.higherIsBetter,
    clinicalCutoff: optionalNumber(draft.clinicalCutoff),
    reliableChange: optionalNumber(draft.reliableChange),
  };
};

export const measureInputOf = (draft: MeasureDraft): MeasureInput => ({
  title: draft.title.trim(),
  description: draft.description.trim(),
  kind: draft.kind,
  definition: definitionOf(draft),
});

/**
 * What is wrong with the draft, keyed as the API names fields (`title`, `definition.items.2.label`),
 * by the same domain rules the API applies: the form shows them before anything is sent.
 */
export const measureProblems = (input: MeasureInput): FormErrors => {
  const errors: FormErrors = {};
  if (input.title === '') errors.title = 'Give the measure a title.';
  for (const problem of validateMeasureDefinition(input.definition)) {
    // The editor works the range out itself; a range problem only echoes one already shown.
    if (problem.path.startsWith('range')) continue;
    const field = problem.path ? `definition.${problem.path}` : 'definition';
    errors[field] ??= problem.message;
  }
  return errors;
};

/** True when an item id typed by the author is usable (blank: made from the wording). */
export const isUsableItemId = (id: string): boolean => id.trim() === '' || isSlug(id.trim());

/** "Sum of 5 items (0–50), up to 1 may be skipped. Higher is better." */
export const scoringSummary = (definition: MeasureDefinition): string => {
  const count = definition.items.length;
  const how = definition.scoring.method === 'sum' ? 'Sum' : 'Mean';
  const skip =
    definition.scoring.maxMissing === 0
      ? 'every item must be answered'
      : `up to ${definition.scoring.maxMissing} may be skipped`;
  const better = definition.higherIsBetter ? 'Higher is better.' : 'Lower is better.';
  return `${how} of ${count} item${count === 1 ? '' : 's'} (${definition.range.min}–${definition.range.max}), ${skip}. ${better}`;
};
