import type { AnswerMap, Prompt } from '@trellis/domain';
import { isAnswered } from '@trellis/domain';

/** What one partner gave for one prompt, ready to show. */
export type ReviewCell =
  | { kind: 'not_submitted' }
  | { kind: 'unanswered' }
  | { kind: 'text'; text: string }
  | { kind: 'scale'; value: number; min: number; max: number; minLabel: string; maxLabel: string }
  | { kind: 'choices'; labels: string[] };

export interface ReviewRow {
  prompt: Prompt;
  number: number;
  /** Partner A (position 1), then partner B (position 2). */
  cells: [ReviewCell, ReviewCell];
  /** Scales answered by both: how far apart they are. */
  gap?: number;
  /** Choices both partners picked, in the prompt's option order. */
  shared?: string[];
}

const cellFor = (prompt: Prompt, answers: AnswerMap | null): ReviewCell => {
  if (!answers) return { kind: 'not_submitted' };
  const value = Object.hasOwn(answers, prompt.id) ? answers[prompt.id] : undefined;
  if (!isAnswered(prompt, value)) return { kind: 'unanswered' };
  switch (prompt.kind) {
    case 'long_text':
      return { kind: 'text', text: String(value) };
    case 'scale':
      return typeof value === 'number'
        ? {
            kind: 'scale',
            value,
            min: prompt.min,
            max: prompt.max,
            minLabel: prompt.minLabel,
            maxLabel: prompt.maxLabel,
          }
        : { kind: 'unanswered' };
    case 'checklist': {
      const chosen = new Set(Array.isArray(value) ? value.map(String) : [String(value)]);
      // In the prompt's order, so both partners' lists line up; an id the prompt lacks shows as itself.
      const known = prompt.options.filter((option) => chosen.has(option.id)).map((option) => option.label);
      const unknown = [...chosen].filter((id) => !prompt.options.some((option) => option.id === id));
      return { kind: 'choices', labels: [...known, ...unknown] };
    }
    case 'single_choice': {
      const option = prompt.options.find((candidate) => candidate.id === value);
      return { kind: 'choices', labels: [option?.label ?? String(value)] };
    }
  }
};

/**
 * The review page's rows: one per prompt, in the exercise's order, partner A beside partner B.
 * Only submitted answers arrive (drafts stay private), so a partner who has not submitted shows as such.
 */
export const buildReviewRows = (
  prompts: readonly Prompt[],
  answers: { 1: AnswerMap | null; 2: AnswerMap | null },
): ReviewRow[] =>
  prompts.map((prompt, index) => {
    const cells: [ReviewCell, ReviewCell] = [cellFor(prompt, answers[1]), cellFor(prompt, answers[2])];
    const [a, b] = cells;
    const row: ReviewRow = { prompt, number: index + 1, cells };
    if (a.kind === 'scale' && b.kind === 'scale') row.gap = Math.abs(a.value - b.value);
    if (prompt.kind === 'checklist' && a.kind === 'choices' && b.kind === 'choices') {
      row.shared = a.labels.filter((label) => b.labels.includes(label));
    }
    return row;
  });

/** Where the bar of a scale answer ends, as a percentage of the track (the lowest value shows a sliver). */
export const scalePercent = (value: number, min: number, max: number): number => {
  if (max <= min) return 100;
  const clamped = Math.min(Math.max(value, min), max);
  return Math.max(2, Math.round(((clamped - min) / (max - min)) * 100));
};
