import { ExerciseDefinition } from '../exercise.types';
import { StrategyKey } from '../strategies';
import { AGREED_BOUNDARIES_EXERCISES } from './agreed-boundaries';
import { APOLOGY_EXERCISES } from './apology';
import { COMMUNICATION_EXERCISES } from './communication';
import { CONSISTENCY_EXERCISES } from './consistency';
import { CRISIS_STAGE_EXERCISES } from './crisis-stage';
import { EMPATHY_EXERCISES } from './empathy';
import { FORGIVENESS_EXERCISES } from './forgiveness';
import { GOOD_TIMES_EXERCISES } from './good-times';
import { HONEST_TALK_EXERCISES } from './honest-talk';
import { LEARNING_FROM_PAST_EXERCISES } from './learning-from-past';
import { OPENNESS_EXERCISES } from './openness';
import { PATIENCE_EXERCISES } from './patience';
import { PERSONAL_GROWTH_EXERCISES } from './personal-growth';
import { SEEKING_HELP_EXERCISES } from './seeking-help';
import { SHARED_VALUES_EXERCISES } from './shared-values';
import { SMALL_WINS_EXERCISES } from './small-wins';

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/**
 * The built-in exercise library, in the seed's strategy order, then the crisis-stage exercises. Deeply frozen: copy an exercise's
 * prompts (e.g. `structuredClone`) before changing them for a clinic's own variant.
 */
export const BUILT_IN_EXERCISES: readonly ExerciseDefinition[] = deepFreeze([
  ...HONEST_TALK_EXERCISES,
  ...APOLOGY_EXERCISES,
  ...PATIENCE_EXERCISES,
  ...AGREED_BOUNDARIES_EXERCISES,
  ...CONSISTENCY_EXERCISES,
  ...SEEKING_HELP_EXERCISES,
  ...LEARNING_FROM_PAST_EXERCISES,
  ...EMPATHY_EXERCISES,
  ...OPENNESS_EXERCISES,
  ...COMMUNICATION_EXERCISES,
  ...PERSONAL_GROWTH_EXERCISES,
  ...GOOD_TIMES_EXERCISES,
  ...FORGIVENESS_EXERCISES,
  ...SHARED_VALUES_EXERCISES,
  ...SMALL_WINS_EXERCISES,
  ...CRISIS_STAGE_EXERCISES,
]);

export function getBuiltInExercise(key: string): ExerciseDefinition | undefined {
  return BUILT_IN_EXERCISES.find((exercise) => exercise.key === key);
}

export function builtInExercisesFor(strategy: StrategyKey): ExerciseDefinition[] {
  return BUILT_IN_EXERCISES.filter((exercise) => exercise.strategy === strategy);
}
