import type { Answer, AnswerMap, ChecklistPrompt, Prompt } from '@trellis/domain';

/** The form control name for a prompt's answer. Prompt ids are slugs, so this is a safe name and id. */
export const fieldName = (promptId: string): string => `answer-${promptId}`;

/**
 * What the form holds for one control name: a textarea's text, or the values of the checked radios
 * and checkboxes. (Read from the elements, not FormData, which may turn "\n" into "\r\n" and so
 * double-count line breaks against maxLength.)
 */
export type FieldReader = (name: string) => readonly string[];

/**
 * The answers as the form holds them. Text and checklists are always present (an empty string or
 * list means "cleared", so a saved draft also forgets what was deleted); a scale or a choice only
 * once something is picked.
 */
export const collectAnswers = (prompts: readonly Prompt[], read: FieldReader): AnswerMap => {
  const answers: AnswerMap = {};
  for (const prompt of prompts) {
    const values = read(fieldName(prompt.id));
    switch (prompt.kind) {
      case 'long_text':
        answers[prompt.id] = (values[0] ?? '').replace(/\r\n?/g, '\n');
        break;
      case 'scale': {
        const n = values[0] === undefined || values[0] === '' ? NaN : Number(values[0]);
        if (Number.isInteger(n)) answers[prompt.id] = n;
        break;
      }
      case 'single_choice':
        if (values[0]) answers[prompt.id] = values[0];
        break;
      case 'checklist':
        answers[prompt.id] = [...new Set(values)];
        break;
    }
  }
  return answers;
};

/**
 * Keeps only answers the page can show in its controls: known prompts, the right type, known
 * options. Used on the server's answers and on a copy restored from this device.
 */
export const sanitizeAnswers = (prompts: readonly Prompt[], raw: unknown): AnswerMap => {
  const answers: AnswerMap = {};
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return answers;
  const source = raw as Record<string, unknown>;
  for (const prompt of prompts) {
    if (!Object.hasOwn(source, prompt.id)) continue;
    const value = source[prompt.id];
    switch (prompt.kind) {
      case 'long_text':
        if (typeof value === 'string') answers[prompt.id] = value;
        break;
      case 'scale':
        if (Number.isInteger(value) && (value as number) >= prompt.min && (value as number) <= prompt.max) {
          answers[prompt.id] = value as number;
        }
        break;
      case 'single_choice':
        if (typeof value === 'string' && prompt.options.some((o) => o.id === value)) answers[prompt.id] = value;
        break;
      case 'checklist':
        if (Array.isArray(value)) {
          answers[prompt.id] = prompt.options.filter((o) => value.includes(o.id)).map((o) => o.id);
        }
        break;
    }
  }
  return answers;
};

/** Answers with the given prompts left out (answers the API would refuse even as a draft). */
export const withoutPrompts = (answers: AnswerMap, promptIds: Iterable<string>): AnswerMap => {
  const skip = new Set(promptIds);
  return Object.fromEntries(Object.entries(answers).filter(([id]) => !skip.has(id)));
};

/** 5000 → "5,000", the same in every locale (the page is in English). */
export const formatCount = (n: number): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** The live counter under a long-text answer. */
export const characterCount = (length: number, maxLength: number): string =>
  `${formatCount(length)} / ${formatCount(maxLength)} characters`;

/**
 * A sentence for screen readers when the text nears its limit, or undefined (no announcement on
 * every keystroke). Announces once on crossing each threshold.
 */
export const characterWarning = (length: number, maxLength: number, previousLength: number): string | undefined => {
  const left = maxLength - length;
  const before = maxLength - previousLength;
  if (left <= 0 && before > 0) return `You’ve reached the limit of ${formatCount(maxLength)} characters.`;
  const near = Math.min(100, Math.ceil(maxLength / 10));
  if (left > 0 && left <= near && before > near) return `${formatCount(left)} characters left.`;
  return undefined;
};

/** "Choose at least 2", "Choose up to 3", … for a checklist's hint line. */
export const checklistHint = (prompt: ChecklistPrompt): string => {
  const min = prompt.minSelected ?? (prompt.required ? 1 : 0);
  const max = prompt.maxSelected;
  const n = (k: number) => (k === 1 ? '1 option' : `${k} options`);
  if (max !== undefined && min > 0) return min === max ? `Choose ${n(min)}.` : `Choose ${min} to ${max} options.`;
  if (max !== undefined) return `Choose up to ${n(max)}.`;
  if (min > 1) return `Choose at least ${n(min)}.`;
  return 'Choose all that apply.';
};

/**
 * An answer for reading back: text, a list of option labels, or null for "not answered".
 */
export const describeAnswer = (prompt: Prompt, value: Answer | undefined): string | string[] | null => {
  if (value === undefined) return null;
  switch (prompt.kind) {
    case 'long_text':
      return typeof value === 'string' && value.trim() !== '' ? value : null;
    case 'scale': {
      if (typeof value !== 'number') return null;
      const ends = [
        prompt.minLabel ? `${prompt.min} = ${prompt.minLabel}` : '',
        prompt.maxLabel ? `${prompt.max} = ${prompt.maxLabel}` : '',
      ].filter(Boolean);
      return `${value} on a scale from ${prompt.min} to ${prompt.max}${ends.length ? ` (${ends.join(', ')})` : ''}`;
    }
    case 'single_choice':
      return typeof value === 'string' ? (prompt.options.find((o) => o.id === value)?.label ?? value) : null;
    case 'checklist': {
      if (!Array.isArray(value) || value.length === 0) return null;
      return prompt.options.filter((o) => value.includes(o.id)).map((o) => o.label);
    }
  }
};
