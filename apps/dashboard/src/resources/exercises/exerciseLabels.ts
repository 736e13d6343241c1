import type { ExerciseSource } from '@trellis/contracts';
import {
  STRATEGIES,
  type ChecklistPrompt,
  type LongTextPrompt,
  type PromptAudience,
  type PromptKind,
} from '@trellis/domain';

export const PROMPT_KIND_LABELS: Record<PromptKind, string> = {
  long_text: 'Written answer',
  scale: 'Scale',
  checklist: 'Checklist (several choices)',
  single_choice: 'Single choice',
};

export const PROMPT_AUDIENCE_LABELS: Record<PromptAudience, string> = {
  shared: 'Shared with the partner after both submit',
  counselor_only: 'Only for the counselor',
};

/** Under the choice, what it means on the homework page. */
export const PROMPT_AUDIENCE_HELP: Record<PromptAudience, string> = {
  shared: 'The partner reads this answer once both have submitted, if you turn answer sharing on for the homework.',
  counselor_only: 'Never shown to the other partner, whatever the sharing setting. Use it for anything about safety.',
};

export const SOURCE_LABELS: Record<ExerciseSource, string> = {
  builtin: 'Built-in',
  clinic: 'Your clinic',
};

export const sourceChoices = (Object.keys(SOURCE_LABELS) as ExerciseSource[]).map((id) => ({
  id,
  name: SOURCE_LABELS[id],
}));

export const strategyChoices = STRATEGIES.map((strategy) => ({ id: strategy.key, name: strategy.name }));

/** The strategy's display name; a key this build does not know yet shows as itself. */
export const strategyName = (key: string): string => STRATEGIES.find((strategy) => strategy.key === key)?.name ?? key;

/** The strategy's own short summary, for tooltips on the filter chips. */
export const strategySummary = (key: string): string | undefined =>
  STRATEGIES.find((strategy) => strategy.key === key)?.summary;

/** "Choose at least 1 and up to 3.", as the partner reads it under a checklist. */
export const checklistHint = (prompt: Pick<ChecklistPrompt, 'minSelected' | 'maxSelected' | 'options'>): string => {
  const min = prompt.minSelected ?? 0;
  const max = prompt.maxSelected;
  const plural = (n: number) => (n === 1 ? 'option' : 'options');
  if (max !== undefined && min > 0 && min === max) return `Choose ${min} ${plural(min)}.`;
  if (max !== undefined && min > 0) return `Choose at least ${min} and up to ${max}.`;
  if (max !== undefined) return `Choose up to ${max}.`;
  if (min > 0) return `Choose at least ${min} ${plural(min)}.`;
  return 'Choose any that apply.';
};

/** "Up to 2,000 characters", plus the minimum when there is one. */
export const lengthHint = (prompt: Pick<LongTextPrompt, 'maxLength' | 'minLength'>): string => {
  const max = `up to ${prompt.maxLength.toLocaleString('en')} characters`;
  return prompt.minLength
    ? `At least ${prompt.minLength.toLocaleString('en')} and ${max}`
    : max.charAt(0).toUpperCase() + max.slice(1);
};
