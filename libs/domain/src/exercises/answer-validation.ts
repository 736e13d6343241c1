import { ChecklistPrompt, LongTextPrompt, Prompt, ScalePrompt, SingleChoicePrompt } from './prompt.types';

/**
 * 'draft': the partner is still working — missing or empty answers, too-short text and too few
 * ticks are fine; anything that could never become valid (wrong type, unknown option, too long…) is not.
 * 'submit': additionally every required prompt must be answered and minimums apply.
 */
export type AnswerValidationMode = 'draft' | 'submit';

export interface AnswerProblem {
  /** The prompt the problem belongs to (for an unknown answer key: that key). */
  readonly promptId: string;
  /** Plain English for the client, e.g. "Choose a number from 0 to 10." */
  readonly message: string;
}

/**
 * Checks one partner's answers against the exercise's prompts. Returns at most one problem per
 * prompt (the first that applies), in prompt order, followed by unknown answer keys; an empty list
 * means the answers are acceptable in the given mode.
 *
 * `answers` is typed loosely on purpose: it is whatever arrived in the request body.
 * `null` and `undefined` values mean "not answered".
 */
export function validateAnswers(
  prompts: readonly Prompt[],
  answers: Readonly<Record<string, unknown>>,
  options: { mode: AnswerValidationMode },
): AnswerProblem[] {
  if (typeof answers !== 'object' || answers === null || Array.isArray(answers)) {
    return [{ promptId: '', message: 'We could not read your answers. Please try again.' }];
  }
  const submit = options.mode === 'submit';
  const problems: AnswerProblem[] = [];
  const known = new Set<string>();

  for (const prompt of prompts) {
    known.add(prompt.id);
    const value = Object.hasOwn(answers, prompt.id) ? answers[prompt.id] : undefined;
    const message = checkAnswer(prompt, value, submit);
    if (message !== null) problems.push({ promptId: prompt.id, message });
  }

  for (const key of Object.keys(answers)) {
    if (!known.has(key)) {
      problems.push({ promptId: key, message: 'This question is not part of this exercise.' });
    }
  }
  return problems;
}

/** Whether a stored answer counts as "answered" (non-blank text, any number, at least one tick). */
export function isAnswered(prompt: Prompt, value: unknown): boolean {
  if (value === null || value === undefined) return false;
  switch (prompt.kind) {
    case 'long_text':
    case 'single_choice':
      return typeof value !== 'string' || value.trim() !== '';
    case 'checklist':
      return !Array.isArray(value) || value.length > 0;
    case 'scale':
      return true;
  }
}

function checkAnswer(prompt: Prompt, value: unknown, submit: boolean): string | null {
  if (!isAnswered(prompt, value)) {
    return submit && prompt.required ? missingMessage(prompt) : null;
  }
  switch (prompt.kind) {
    case 'long_text':
      return checkLongText(prompt, value, submit);
    case 'scale':
      return checkScale(prompt, value);
    case 'checklist':
      return checkChecklist(prompt, value, submit);
    case 'single_choice':
      return checkSingleChoice(prompt, value);
  }
}

function missingMessage(prompt: Prompt): string {
  switch (prompt.kind) {
    case 'long_text':
      return 'Please answer this question.';
    case 'scale':
      return scaleMessage(prompt);
    case 'checklist':
      return atLeastMessage(Math.max(1, prompt.minSelected ?? 1));
    case 'single_choice':
      return 'Please choose one of the options.';
  }
}

function checkLongText(prompt: LongTextPrompt, value: unknown, submit: boolean): string | null {
  if (typeof value !== 'string') return 'Please write your answer as text.';
  if (value.length > prompt.maxLength) {
    const limit = formatCount(prompt.maxLength);
    return `Please shorten your answer to ${limit} characters or fewer (it is ${formatCount(value.length)} now).`;
  }
  const min = prompt.minLength ?? 0;
  if (submit && min > 0 && value.trim().length < min) {
    return `Please write a little more: at least ${formatCount(min)} ${min === 1 ? 'character' : 'characters'}.`;
  }
  return null;
}

function scaleMessage(prompt: ScalePrompt): string {
  return `Choose a number from ${prompt.min} to ${prompt.max}.`;
}

function checkScale(prompt: ScalePrompt, value: unknown): string | null {
  const ok = typeof value === 'number' && Number.isInteger(value) && value >= prompt.min && value <= prompt.max;
  return ok ? null : scaleMessage(prompt);
}

function checkSingleChoice(prompt: SingleChoicePrompt, value: unknown): string | null {
  const ok = typeof value === 'string' && prompt.options.some((option) => option.id === value);
  return ok ? null : 'Choose one of the options shown.';
}

function checkChecklist(prompt: ChecklistPrompt, value: unknown, submit: boolean): string | null {
  if (!Array.isArray(value)) return 'Choose from the options shown.';
  const optionIds = new Set(prompt.options.map((option) => option.id));
  if (!value.every((item) => typeof item === 'string' && optionIds.has(item))) {
    return 'Choose only from the options shown.';
  }
  if (new Set(value).size !== value.length) return 'Each option can only be chosen once.';
  if (prompt.maxSelected !== undefined && value.length > prompt.maxSelected) {
    return `Choose no more than ${prompt.maxSelected} ${prompt.maxSelected === 1 ? 'option' : 'options'}.`;
  }
  const min = prompt.minSelected ?? 0;
  if (submit && value.length < min) return atLeastMessage(min);
  return null;
}

function atLeastMessage(min: number): string {
  return min === 1 ? 'Choose at least one option.' : `Choose at least ${min} options.`;
}

/** 5000 → "5,000" without depending on the runtime's locale data. */
function formatCount(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
