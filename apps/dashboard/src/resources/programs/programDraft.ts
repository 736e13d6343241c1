import type { ApiRequestBody, ProgramStepView } from '@trellis/contracts';
import type { AsTyped } from '../../data/api';

/** One step as the editor holds it: text fields as typed, numbers as text until sent. */
export interface StepDraft {
  title: string;
  kind: ProgramStepView['kind'];
  exerciseId: string;
  /** The measure a check-in step sends each partner. */
  measureId: string;
  opensWhen: ProgramStepView['opensWhen'];
  afterSessions: string;
  dueInDays: string;
}

/** A whole program as the editor holds it. */
export interface ProgramDraft {
  title: string;
  description: string;
  steps: StepDraft[];
}

export const blankStep = (): StepDraft => ({
  title: '',
  kind: 'exercise',
  exerciseId: '',
  measureId: '',
  opensWhen: 'both_submitted',
  afterSessions: '1',
  dueInDays: '7',
});

export const KIND_LABELS: Record<ProgramStepView['kind'], string> = {
  exercise: 'Homework (an exercise)',
  discuss: 'Talk it through in session',
  check_in: 'Check-in (a measure)',
};

export const OPENS_WHEN_LABELS: Record<ProgramStepView['opensWhen'], string> = {
  both_submitted: 'When both partners have finished the step before',
  reviewed: 'When I have reviewed the step before',
  after_sessions: 'After sessions held since the step before opened',
};

/** A saved step, ready to edit: what its kind or opening rule does not use gets the blank's default. */
export const draftFromStep = (step: ProgramStepView): StepDraft => ({
  title: step.title,
  kind: step.kind,
  exerciseId: step.exerciseId ?? '',
  measureId: step.measureId ?? '',
  opensWhen: step.opensWhen,
  afterSessions: String(step.afterSessions ?? blankStep().afterSessions),
  dueInDays: String(step.dueInDays),
});

const whole = (text: string): number | string => (/^\d+$/.test(text.trim()) ? Number(text) : text);

/** One step of a program as the API takes it (`POST /programs`, `PATCH /programs/{id}`). */
export type ProgramStepBody = ApiRequestBody<'/programs', 'post'>['steps'][number];

/** The API body for one step: only the fields its kind and opening rule use. */
export const stepBody = (step: StepDraft): AsTyped<ProgramStepBody> => ({
  title: step.title,
  kind: step.kind,
  ...(step.kind === 'exercise' ? { exerciseId: step.exerciseId || null } : {}),
  ...(step.kind === 'check_in' ? { measureId: step.measureId || null } : {}),
  opensWhen: step.opensWhen,
  ...(step.opensWhen === 'after_sessions' ? { afterSessions: whole(step.afterSessions) } : {}),
  dueInDays: whole(step.dueInDays),
});

/** Moves the step at `index` one place earlier (-1) or later (+1); the ends stay put. */
export const moved = <T>(steps: readonly T[], index: number, by: -1 | 1): T[] => {
  const to = index + by;
  if (to < 0 || to >= steps.length) return [...steps];
  const copy = [...steps];
  [copy[index], copy[to]] = [copy[to], copy[index]];
  return copy;
};

/** How a step opens, in the list and show screens. */
export const opensWhenSummary = (step: Pick<ProgramStepView, 'opensWhen' | 'afterSessions'>, first: boolean) => {
  if (first) return 'Opens when the couple starts';
  if (step.opensWhen === 'after_sessions') {
    const n = step.afterSessions ?? 1;
    return `Opens after ${n} ${n === 1 ? 'session' : 'sessions'}`;
  }
  return step.opensWhen === 'reviewed'
    ? 'Opens once you have reviewed the step before'
    : 'Opens when both have finished the step before';
};
