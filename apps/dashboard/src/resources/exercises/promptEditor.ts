import {
  DEFAULT_LONG_TEXT_MAX_LENGTH,
  DEFAULT_PROMPT_AUDIENCE,
  MAX_OPTIONS,
  MAX_PROMPTS_PER_EXERCISE,
  MIN_OPTIONS,
  SCALE_DEFAULT_MAX,
  SCALE_DEFAULT_MIN,
  validatePromptDefinitions,
  type ChoiceOption,
  type Prompt,
  type PromptKind,
} from '@trellis/domain';

/**
 * The prompt editor's state: the prompts as plain data, exactly the shape the API takes (so what
 * the therapist sees is what is saved). Ids are generated, never typed: answers are keyed by them.
 */
export type EditorPrompt = Prompt;

export type PromptField =
  | 'label'
  | 'help'
  | 'required'
  | 'audience'
  | 'forRole'
  | 'maxLength'
  | 'minLength'
  | 'min'
  | 'max'
  | 'minLabel'
  | 'maxLabel'
  | 'minSelected'
  | 'maxSelected';

export type PromptEditorAction =
  | { type: 'reset'; prompts: readonly Prompt[] }
  | { type: 'add'; kind: PromptKind }
  | { type: 'remove'; index: number }
  | { type: 'move'; index: number; by: -1 | 1 }
  | { type: 'changeKind'; index: number; kind: PromptKind }
  | { type: 'update'; index: number; field: PromptField; value: string | number | boolean | undefined }
  | { type: 'addOption'; index: number }
  | { type: 'removeOption'; index: number; option: number }
  | { type: 'updateOption'; index: number; option: number; label: string };

/** The first `prefix<n>` not taken, n from 1: `q1`, `q2`… (valid slugs, stable once made). */
export const nextId = (prefix: string, taken: Iterable<string>): string => {
  const used = new Set(taken);
  let n = 1;
  while (used.has(`${prefix}${n}`)) n += 1;
  return `${prefix}${n}`;
};

const blankOptions = (): ChoiceOption[] => [
  { id: 'o1', label: '' },
  { id: 'o2', label: '' },
];

/** A new prompt of a kind with sensible defaults, keeping what it shares with `from` (a kind change). */
export const blankPrompt = (
  kind: PromptKind,
  id: string,
  from?: Pick<Prompt, 'label' | 'help' | 'required' | 'audience' | 'forRole'> & { options?: readonly ChoiceOption[] },
): Prompt => {
  const common = {
    id,
    label: from?.label ?? '',
    required: from?.required ?? true,
    // Kept across a kind change: who reads the answer does not depend on how it is asked.
    audience: from?.audience ?? DEFAULT_PROMPT_AUDIENCE,
    ...(from?.help !== undefined ? { help: from.help } : {}),
    // Kept too: a question for one side must never start reaching the other by a kind change.
    ...(from?.forRole !== undefined ? { forRole: from.forRole } : {}),
  };
  switch (kind) {
    case 'long_text':
      return { kind, ...common, maxLength: DEFAULT_LONG_TEXT_MAX_LENGTH };
    case 'scale':
      return { kind, ...common, min: SCALE_DEFAULT_MIN, max: SCALE_DEFAULT_MAX, minLabel: '', maxLabel: '' };
    case 'checklist':
      return { kind, ...common, options: from?.options ? [...from.options] : blankOptions() };
    case 'single_choice':
      return { kind, ...common, options: from?.options ? [...from.options] : blankOptions() };
  }
};

const withField = (prompt: Prompt, field: PromptField, value: string | number | boolean | undefined): Prompt => {
  // Optional fields are left out rather than sent empty (the API refuses an empty help text).
  if (value === undefined || (field === 'help' && value === '')) {
    const { [field as keyof Prompt]: _removed, ...rest } = prompt;
    return rest as Prompt;
  }
  return { ...prompt, [field]: value } as Prompt;
};

const hasOptions = (prompt: Prompt): prompt is Extract<Prompt, { options: readonly ChoiceOption[] }> =>
  prompt.kind === 'checklist' || prompt.kind === 'single_choice';

const replaceAt = <T>(items: readonly T[], index: number, item: T): T[] =>
  items.map((current, i) => (i === index ? item : current));

/** Keeps checklist limits within the number of options after one is removed. */
const clampSelection = (prompt: Prompt): Prompt => {
  if (prompt.kind !== 'checklist') return prompt;
  const count = prompt.options.length;
  let next: Prompt = prompt;
  if (prompt.maxSelected !== undefined && prompt.maxSelected > count) next = { ...next, maxSelected: count } as Prompt;
  if (prompt.minSelected !== undefined && prompt.minSelected > count) next = { ...next, minSelected: count } as Prompt;
  return next;
};

export const promptEditorReducer = (prompts: readonly Prompt[], action: PromptEditorAction): Prompt[] => {
  switch (action.type) {
    case 'reset':
      return [...action.prompts];
    case 'add':
      if (prompts.length >= MAX_PROMPTS_PER_EXERCISE) return [...prompts];
      return [
        ...prompts,
        blankPrompt(
          action.kind,
          nextId(
            'q',
            prompts.map((p) => p.id),
          ),
        ),
      ];
    case 'remove':
      return prompts.filter((_, i) => i !== action.index);
    case 'move': {
      const target = action.index + action.by;
      if (action.index < 0 || action.index >= prompts.length || target < 0 || target >= prompts.length)
        return [...prompts];
      const next = [...prompts];
      [next[action.index], next[target]] = [next[target], next[action.index]];
      return next;
    }
    case 'changeKind': {
      const prompt = prompts[action.index];
      if (!prompt || prompt.kind === action.kind) return [...prompts];
      const options = hasOptions(prompt) ? prompt.options : undefined;
      return replaceAt(prompts, action.index, blankPrompt(action.kind, prompt.id, { ...prompt, options }));
    }
    case 'update': {
      const prompt = prompts[action.index];
      if (!prompt) return [...prompts];
      return replaceAt(prompts, action.index, withField(prompt, action.field, action.value));
    }
    case 'addOption': {
      const prompt = prompts[action.index];
      if (!prompt || !hasOptions(prompt) || prompt.options.length >= MAX_OPTIONS) return [...prompts];
      const id = nextId(
        'o',
        prompt.options.map((option) => option.id),
      );
      return replaceAt(prompts, action.index, { ...prompt, options: [...prompt.options, { id, label: '' }] });
    }
    case 'removeOption': {
      const prompt = prompts[action.index];
      if (!prompt || !hasOptions(prompt) || prompt.options.length <= MIN_OPTIONS) return [...prompts];
      const options = prompt.options.filter((_, i) => i !== action.option);
      return replaceAt(prompts, action.index, clampSelection({ ...prompt, options }));
    }
    case 'updateOption': {
      const prompt = prompts[action.index];
      if (!prompt || !hasOptions(prompt) || !prompt.options[action.option]) return [...prompts];
      const options = replaceAt(prompt.options, action.option, {
        ...prompt.options[action.option],
        label: action.label,
      });
      return replaceAt(prompts, action.index, { ...prompt, options });
    }
  }
};

/** The prompts as they are sent: labels trimmed, an empty help left out. */
export const promptsForSave = (prompts: readonly Prompt[]): Prompt[] =>
  prompts.map((prompt) => {
    const help = prompt.help?.trim();
    const { help: _help, ...rest } = prompt;
    const trimmed = {
      ...rest,
      label: prompt.label.trim(),
      ...(help ? { help } : {}),
    } as Prompt;
    if (trimmed.kind === 'scale')
      return { ...trimmed, minLabel: trimmed.minLabel.trim(), maxLabel: trimmed.maxLabel.trim() };
    if (hasOptions(trimmed)) {
      return { ...trimmed, options: trimmed.options.map((option) => ({ ...option, label: option.label.trim() })) };
    }
    return trimmed;
  });

/** `prompts[2].options[0].id` → `prompts.2.options.0.id`: the dotted form the API uses for field errors. */
export const dottedPath = (path: string): string => path.replace(/\[(\d+)\]/g, '.$1');

/** The domain's own checks, run before saving, keyed the way the API keys its field errors. */
export const promptProblems = (prompts: readonly Prompt[]): Record<string, string> => {
  const problems: Record<string, string> = {};
  for (const problem of validatePromptDefinitions(promptsForSave(prompts))) {
    const field = dottedPath(problem.path);
    problems[field] = problems[field] ? `${problems[field]} ${problem.message}` : problem.message;
  }
  return problems;
};

/**
 * The errors that belong to one prompt, keyed by what follows `prompts.<index>.` (`label`,
 * `options.1.label`…); `''` for an error on the prompt as a whole.
 */
export const errorsForPrompt = (errors: Record<string, string>, index: number): Record<string, string> => {
  const prefix = `prompts.${index}`;
  const mine: Record<string, string> = {};
  for (const [field, message] of Object.entries(errors)) {
    if (field === prefix) mine[''] = message;
    else if (field.startsWith(`${prefix}.`)) mine[field.slice(prefix.length + 1)] = message;
  }
  return mine;
};
