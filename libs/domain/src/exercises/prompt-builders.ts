import { DEFAULT_PROMPT_AUDIENCE, PromptAudience } from './prompt-audience';
import type { PromptRole } from './partner-roles';
import {
  ChecklistPrompt,
  ChoiceOption,
  LongTextPrompt,
  SCALE_DEFAULT_MAX,
  SCALE_DEFAULT_MIN,
  ScalePrompt,
  SingleChoicePrompt,
} from './prompt.types';

/** Default ceiling for built-in long-text prompts: room for a real answer, not an essay. */
export const DEFAULT_LONG_TEXT_MAX_LENGTH = 2000;

interface CommonOptions {
  help?: string;
  /** Defaults to true. */
  required?: boolean;
  /** Defaults to shared; answers meant for the counselor alone say `counselor_only`. */
  audience?: PromptAudience;
  /** Asked only of the partner in this role; leave out for a prompt both partners answer. */
  forRole?: PromptRole;
}

/** Options as `[id, label]` pairs, which keeps catalog files readable. */
export type OptionPairs = ReadonlyArray<readonly [id: string, label: string]>;

function withCommon<T extends object>(
  prompt: T,
  { help, required = true, audience = DEFAULT_PROMPT_AUDIENCE, forRole }: CommonOptions,
): T & {
  required: boolean;
  audience: PromptAudience;
  help?: string;
  forRole?: PromptRole;
} {
  return {
    ...prompt,
    ...(help === undefined ? {} : { help }),
    required,
    audience,
    ...(forRole === undefined ? {} : { forRole }),
  };
}

function toOptions(pairs: OptionPairs, concerning: readonly string[] = []): ChoiceOption[] {
  const unknown = concerning.filter((id) => !pairs.some(([optionId]) => optionId === id));
  if (unknown.length) throw new Error(`Concerning options that are not options: ${unknown.join(', ')}`);
  return pairs.map(([id, label]) => (concerning.includes(id) ? { id, label, concerning: true } : { id, label }));
}

export function longText(
  id: string,
  label: string,
  options: CommonOptions & { maxLength?: number; minLength?: number } = {},
): LongTextPrompt {
  const { maxLength = DEFAULT_LONG_TEXT_MAX_LENGTH, minLength, ...common } = options;
  const base = withCommon({ kind: 'long_text' as const, id, label, maxLength }, common);
  return minLength === undefined ? base : { ...base, minLength };
}

export function scale(
  id: string,
  label: string,
  minLabel: string,
  maxLabel: string,
  options: CommonOptions & { min?: number; max?: number } = {},
): ScalePrompt {
  const { min = SCALE_DEFAULT_MIN, max = SCALE_DEFAULT_MAX, ...common } = options;
  return withCommon({ kind: 'scale' as const, id, label, min, max, minLabel, maxLabel }, common);
}

export function checklist(
  id: string,
  label: string,
  choices: OptionPairs,
  options: CommonOptions & { minSelected?: number; maxSelected?: number } = {},
): ChecklistPrompt {
  const { minSelected, maxSelected, ...common } = options;
  return withCommon(
    {
      kind: 'checklist' as const,
      id,
      label,
      options: toOptions(choices),
      ...(minSelected === undefined ? {} : { minSelected }),
      ...(maxSelected === undefined ? {} : { maxSelected }),
    },
    common,
  );
}

export function singleChoice(
  id: string,
  label: string,
  choices: OptionPairs,
  options: CommonOptions & {
    /** Safety check-ins only: the option ids whose choice is a concerning answer. */
    concerning?: readonly string[];
  } = {},
): SingleChoicePrompt {
  const { concerning, ...common } = options;
  return withCommon({ kind: 'single_choice' as const, id, label, options: toOptions(choices, concerning) }, common);
}
