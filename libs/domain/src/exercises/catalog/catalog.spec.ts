import { isSlug } from '../../shared/slug';
import { validatePromptDefinitions } from '../prompt-definition-validation';
import { audienceOf } from '../prompt-audience';
import { PROMPT_KINDS, PromptKind } from '../prompt.types';
import { STRATEGY_KEYS } from '../strategies';
import { BUILT_IN_EXERCISES, builtInExercisesFor, getBuiltInExercise } from './index';

describe('built-in exercise catalog', () => {
  it('has at least fifteen exercises with unique slug keys', () => {
    expect(BUILT_IN_EXERCISES.length).toBeGreaterThanOrEqual(15);
    const keys = BUILT_IN_EXERCISES.map((exercise) => exercise.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const key of keys) expect(isSlug(key)).toBe(true);
  });

  it.each(STRATEGY_KEYS.map((strategy) => [strategy]))('has at least one exercise for %s', (strategy) => {
    expect(builtInExercisesFor(strategy).length).toBeGreaterThanOrEqual(1);
  });

  it('only uses known strategies', () => {
    for (const exercise of BUILT_IN_EXERCISES) expect(STRATEGY_KEYS).toContain(exercise.strategy);
  });

  describe.each(BUILT_IN_EXERCISES.map((exercise) => [exercise.key, exercise] as const))('%s', (_key, exercise) => {
    it('passes validatePromptDefinitions', () => {
      expect(validatePromptDefinitions(exercise.prompts)).toEqual([]);
    });

    it('has a title, a short purpose, instructions, a time estimate and version 1', () => {
      expect(exercise.title.trim()).not.toBe('');
      expect(exercise.title.length).toBeLessThanOrEqual(80);
      const sentences = exercise.purpose.split(/(?<=[.!?])\s+/).filter(Boolean);
      expect(sentences.length).toBeGreaterThanOrEqual(1);
      expect(sentences.length).toBeLessThanOrEqual(2);
      expect(exercise.instructions.length).toBeGreaterThan(80);
      expect(exercise.instructions.length).toBeLessThanOrEqual(600);
      expect(Number.isInteger(exercise.estimatedMinutes)).toBe(true);
      expect(exercise.estimatedMinutes).toBeGreaterThanOrEqual(5);
      expect(exercise.estimatedMinutes).toBeLessThanOrEqual(45);
      expect(exercise.version).toBe(1);
    });

    it('mixes at least two kinds of prompt', () => {
      expect(new Set(exercise.prompts.map((prompt) => prompt.kind)).size).toBeGreaterThanOrEqual(2);
    });

    it('asks both partners to answer on their own', () => {
      expect(exercise.instructions).toMatch(/separately|on your own/i);
    });
  });

  it('uses every kind of prompt many times across the catalog', () => {
    const counts = new Map<PromptKind, number>();
    for (const prompt of BUILT_IN_EXERCISES.flatMap((exercise) => exercise.prompts)) {
      counts.set(prompt.kind, (counts.get(prompt.kind) ?? 0) + 1);
    }
    for (const kind of PROMPT_KINDS) expect(counts.get(kind) ?? 0).toBeGreaterThanOrEqual(10);
  });

  it('is deeply frozen so callers cannot change the library by accident', () => {
    const exercise = BUILT_IN_EXERCISES[0];
    expect(Object.isFrozen(BUILT_IN_EXERCISES)).toBe(true);
    expect(Object.isFrozen(exercise)).toBe(true);
    expect(Object.isFrozen(exercise.prompts[0])).toBe(true);
    const copy = structuredClone(exercise);
    expect(Object.isFrozen(copy)).toBe(false);
  });

  it('keeps for the counselor alone every built-in prompt that asks about the counselor, safety or fear', () => {
    const privateIds = BUILT_IN_EXERCISES.flatMap((exercise) =>
      exercise.prompts.filter((p) => audienceOf(p) === 'counselor_only').map((p) => `${exercise.key}.${p.id}`),
    );
    expect(privateIds.sort()).toEqual(
      [
        'honest-check-in.safety_to_speak',
        'honest-check-in.hardest_part',
        'weekly-trust-check-in.on_my_mind',
        'support-map.asking_is_hard',
        'support-map.more_support',
        'apology-that-lands.worry',
        'what-forgiveness-means.talk_in_session',
      ].sort(),
    );
    for (const prompt of BUILT_IN_EXERCISES.flatMap((exercise) => exercise.prompts)) {
      if (/counselor|afraid|safe/i.test(prompt.label)) expect(prompt.audience).toBe('counselor_only');
    }
  });

  it('finds exercises by key', () => {
    expect(getBuiltInExercise('noticing-small-wins')?.strategy).toBe('small_wins');
    expect(getBuiltInExercise('no-such-exercise')).toBeUndefined();
  });
});
