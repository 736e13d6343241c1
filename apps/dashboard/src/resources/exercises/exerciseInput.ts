import type { ExerciseDetail, ExerciseInput } from '@trellis/contracts';
import { isStrategyKey } from '@trellis/domain';
import { blankPrompt, promptProblems } from './promptEditor';

const TEXT_LIMITS = { title: 200, purpose: 1000, instructions: 4000 } as const;

/** A new exercise: a written answer, a scale and another written answer to start from. */
export const blankExercise = (): ExerciseInput => ({
  title: '',
  strategy: 'honest_talk',
  purpose: '',
  instructions: 'Answer on your own, without talking it over first. There are no right answers.',
  estimatedMinutes: 15,
  prompts: [blankPrompt('long_text', 'q1'), blankPrompt('scale', 'q2'), blankPrompt('long_text', 'q3')],
  phase: null,
  coercionSensitive: false,
});

/** The editable part of a stored exercise. */
export const exerciseInputOf = (exercise: ExerciseDetail): ExerciseInput => ({
  title: exercise.title,
  strategy: exercise.strategy,
  purpose: exercise.purpose,
  instructions: exercise.instructions,
  estimatedMinutes: exercise.estimatedMinutes,
  prompts: exercise.prompts,
  phase: exercise.phase,
  coercionSensitive: exercise.coercionSensitive,
});

/**
 * What the API would refuse, found before sending and keyed like its field errors: the same rules
 * (the prompts' ones are the domain's own), so the therapist learns without a round trip.
 */
export const exerciseProblems = (input: ExerciseInput): Record<string, string> => {
  const problems: Record<string, string> = {};
  for (const field of ['title', 'purpose', 'instructions'] as const) {
    const value = input[field];
    if (!value.trim()) problems[field] = 'This is required.';
    else if (value.length > TEXT_LIMITS[field])
      problems[field] = `Keep this to ${TEXT_LIMITS[field]} characters or fewer.`;
  }
  if (!isStrategyKey(input.strategy)) problems.strategy = 'Choose a strategy.';
  const minutes = input.estimatedMinutes;
  if (!Number.isInteger(minutes) || minutes < 1 || minutes > 240) {
    problems.estimatedMinutes = 'A whole number of minutes from 1 to 240.';
  }
  return { ...problems, ...promptProblems(input.prompts) };
};
