import { MAX_AFTER_SESSIONS, MAX_PROGRAM_STEPS, type ProgramStepDefinition } from './program.types';

export interface ProgramProblem {
  readonly field: string;
  readonly message: string;
}

/**
 * The rules a program's steps keep beyond each field's own shape: an exercise step names an
 * exercise and a "discuss" step does not; a check-in step names a measure and only it does; "after sessions" says how many; a coercion-sensitive
 * exercise never opens on the partners' submissions alone (the therapist looks first).
 */
export function programStepProblems(
  steps: readonly ProgramStepDefinition[],
  isCoercionSensitive: (exercise: string) => boolean,
  field = 'steps',
): ProgramProblem[] {
  const problems: ProgramProblem[] = [];
  if (steps.length === 0) problems.push({ field, message: 'must have at least one step' });
  if (steps.length > MAX_PROGRAM_STEPS)
    problems.push({ field, message: `must have at most ${MAX_PROGRAM_STEPS} steps` });
  steps.forEach((step, i) => problems.push(...stepProblems(step, i === 0, isCoercionSensitive, `${field}.${i}.`)));
  return problems;
}

/** One step's rules; `first`: it opens at enrolment, so what it waits for does not matter. */
export function stepProblems(
  step: ProgramStepDefinition,
  first: boolean,
  isCoercionSensitive: (exercise: string) => boolean,
  at = '',
): ProgramProblem[] {
  const problems: ProgramProblem[] = [];
  if (step.kind === 'exercise' && !step.exercise)
    problems.push({ field: `${at}exerciseId`, message: 'is required for an exercise step' });
  if (step.kind === 'discuss' && step.exercise)
    problems.push({ field: `${at}exerciseId`, message: 'must be empty for a step discussed in session' });
  if (step.kind === 'check_in' && step.exercise)
    problems.push({ field: `${at}exerciseId`, message: 'must be empty for a check-in step' });
  if (step.kind === 'check_in' && !step.measure)
    problems.push({ field: `${at}measureId`, message: 'is required for a check-in step' });
  if (step.kind !== 'check_in' && step.measure)
    problems.push({ field: `${at}measureId`, message: 'is only for a check-in step' });
  if (step.opensWhen === 'after_sessions') {
    if (step.afterSessions === null || step.afterSessions < 1 || step.afterSessions > MAX_AFTER_SESSIONS)
      problems.push({ field: `${at}afterSessions`, message: `must be between 1 and ${MAX_AFTER_SESSIONS} sessions` });
  } else if (step.afterSessions !== null) {
    problems.push({ field: `${at}afterSessions`, message: 'is only for a step that opens after sessions' });
  }
  if (
    !first &&
    step.kind === 'exercise' &&
    step.exercise &&
    step.opensWhen === 'both_submitted' &&
    isCoercionSensitive(step.exercise)
  )
    problems.push({
      field: `${at}opensWhen`,
      message: 'this exercise could be used to pressure a partner: open it after a review or a session',
    });
  return problems;
}
