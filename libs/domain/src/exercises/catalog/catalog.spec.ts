import { createHash } from 'node:crypto';
import { isSlug } from '../../shared/slug';
import { ExerciseDefinition } from '../exercise.types';
import { hasRolePrompts, PartnerRole, promptsForRole } from '../partner-roles';
import { EXERCISE_PHASES, isExercisePhase } from '../phases';
import { validatePromptDefinitions } from '../prompt-definition-validation';
import { audienceOf } from '../prompt-audience';
import { Prompt, PROMPT_KINDS, PromptKind } from '../prompt.types';
import { STRATEGY_KEYS } from '../strategies';
import { BUILT_IN_EXERCISES, builtInExercisesFor, getBuiltInExercise } from './index';
import { BUILT_IN_FINGERPRINTS } from './built-in-fingerprints';
import { SEED_SENTENCE_HASHES, SEED_SHINGLE_HASHES, SEED_SHINGLE_WORDS } from './seed-fingerprints';

// Same normalization and hash as scripts/dev/seed-fingerprints.mjs.
const normalizeForFingerprint = (text: string) =>
  text
    .toLowerCase()
    .replace(/[’']/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
const fingerprint = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 16);

/** Every piece of text a partner or therapist reads in an exercise. */
function textsOf(exercise: ExerciseDefinition): string[] {
  return [
    exercise.title,
    exercise.purpose,
    exercise.instructions,
    ...exercise.prompts.flatMap((p) => [
      p.label,
      p.help ?? '',
      ...(p.kind === 'scale' ? [p.minLabel, p.maxLabel] : []),
      ...(p.kind === 'checklist' || p.kind === 'single_choice' ? p.options.map((o) => o.label) : []),
    ]),
  ].filter(Boolean);
}

/**
 * Minutes a partner needs to answer: a required long answer about a minute per 250 characters of
 * room (at least 3, at most 20), an optional one 2, any other prompt 1. Exercises with an activity
 * before the questions (a talk, a week of check-ins) say so in their instructions and may ask more.
 */
function answeringMinutes(prompts: readonly Prompt[]): number {
  return prompts.reduce((sum, p) => {
    if (p.kind !== 'long_text') return sum + 1;
    if (!p.required) return sum + 2;
    return sum + Math.min(20, Math.max(3, p.maxLength / 250));
  }, 0);
}

const SIDES: PartnerRole[] = ['hurt', 'broke_trust'];

function builtIn(key: string): ExerciseDefinition {
  const exercise = getBuiltInExercise(key);
  if (!exercise) throw new Error(`no built-in exercise ${key}`);
  return exercise;
}

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

    it('has a title, a short purpose, instructions and a time estimate', () => {
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
    });

    it('has a phase and says whether it is sensitive to coercion', () => {
      expect(isExercisePhase(exercise.phase)).toBe(true);
      expect(typeof exercise.coercionSensitive).toBe('boolean');
    });

    it('estimates the time it really takes, for the longer side', () => {
      const sides = hasRolePrompts(exercise.prompts) ? SIDES : (['not_set'] as PartnerRole[]);
      const needed = Math.max(...sides.map((role) => answeringMinutes(promptsForRole(exercise.prompts, role))));
      expect(exercise.estimatedMinutes).toBeGreaterThanOrEqual(Math.floor(needed / 2));
      expect(exercise.estimatedMinutes).toBeLessThanOrEqual(Math.max(10, Math.ceil(needed * 1.5)));
    });

    it('labels the middle of every scale', () => {
      for (const prompt of exercise.prompts) {
        if (prompt.kind === 'scale') expect(prompt.help).toMatch(/middle of the scale/i);
      }
    });

    it('gives each side of a two-role exercise at least two kinds of prompt and something required', () => {
      if (!hasRolePrompts(exercise.prompts)) return;
      for (const role of SIDES) {
        const mine = promptsForRole(exercise.prompts, role);
        expect(mine.some((p) => p.required)).toBe(true);
        expect(new Set(mine.map((p) => p.kind)).size).toBeGreaterThanOrEqual(2);
      }
    });

    it('does not use "breach", a word from the therapy room, on a partner page', () => {
      for (const text of textsOf(exercise)) expect(text).not.toMatch(/breach/i);
    });

    it('repeats no sentence and no run of seven words from the seed article', () => {
      const sentenceHashes = new Set(SEED_SENTENCE_HASHES);
      const shingleHashes = new Set(SEED_SHINGLE_HASHES);
      for (const text of textsOf(exercise)) {
        for (const sentence of text.split(/(?<=[.!?])\s+/)) {
          expect(sentenceHashes.has(fingerprint(normalizeForFingerprint(sentence)))).toBe(false);
        }
        const words = normalizeForFingerprint(text).split(' ');
        for (let i = 0; i + SEED_SHINGLE_WORDS <= words.length; i++) {
          const run = words.slice(i, i + SEED_SHINGLE_WORDS).join(' ');
          if (shingleHashes.has(fingerprint(run))) throw new Error(`repeats the seed: "${run}"`);
        }
      }
    });

    it('bumps its version whenever its content changes (clinic copies are offered the new one)', () => {
      const { version, ...content } = exercise;
      const recorded = BUILT_IN_FINGERPRINTS[exercise.key];
      const now = { version, content: fingerprint(JSON.stringify(content)) };
      // A change of content at the same version would reach the library without the copies' notice.
      expect(now).toEqual(recorded);
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

  it('keeps for the counselor alone the answers that are safety information or would pressure the other partner', () => {
    const privateIds = BUILT_IN_EXERCISES.flatMap((exercise) =>
      exercise.prompts.filter((p) => audienceOf(p) === 'counselor_only').map((p) => `${exercise.key}.${p.id}`),
    );
    for (const id of [
      'honest-check-in.safety_to_speak',
      'honest-check-in.unsaid_thing',
      'honest-check-in.hardest_part',
      'honest-check-in.something_new',
      'apology-that-lands.what_i_did',
      'apology-that-lands.worry',
      'pacing-the-repair.pressure_felt',
      'agreements-we-can-keep.pressure',
      'small-promises-kept.partner_reliability',
      'support-map.current_support',
      'support-map.feeling_supported',
      'support-map.asking_is_hard',
      'support-map.more_support',
      'looking-back-to-move-forward.my_choices',
      'everyday-openness.how_sharing_feels',
      'everyday-openness.hard_to_share',
      'planning-a-good-time.comfort',
      'what-forgiveness-means.where_i_am',
      'what-forgiveness-means.talk_in_session',
      'accountability-letter.letter',
      'impact-letter.letter',
    ])
      expect(privateIds).toContain(id);
    // The whole weekly trust check-in is read by the counselor alone.
    for (const prompt of builtIn('weekly-trust-check-in').prompts) expect(audienceOf(prompt)).toBe('counselor_only');
    // Letters and the hurt partner's questions are reviewed by the therapist before anything is shared.
    for (const key of ['accountability-letter', 'impact-letter', 'questions-for-session', 'together-or-apart']) {
      for (const prompt of builtIn(key).prompts) expect(audienceOf(prompt)).toBe('counselor_only');
    }
    for (const prompt of BUILT_IN_EXERCISES.flatMap((exercise) => exercise.prompts)) {
      if (/counselor|afraid|safe/i.test(prompt.label)) expect(prompt.audience).toBe('counselor_only');
    }
  });

  it('covers every phase, with the crisis stage well stocked', () => {
    for (const phase of EXERCISE_PHASES) {
      expect(BUILT_IN_EXERCISES.filter((e) => e.phase === phase).length).toBeGreaterThanOrEqual(2);
    }
    expect(BUILT_IN_EXERCISES.filter((e) => e.phase === 'crisis_and_impact').length).toBeGreaterThanOrEqual(10);
  });

  it('marks agreements, openness and talks at home as sensitive to coercion', () => {
    for (const key of [
      'agreements-we-can-keep',
      'everyday-openness',
      'listening-without-defending',
      'transparency-agreement',
      'two-minute-check-in',
      'limits-on-talking-about-it',
    ])
      expect(getBuiltInExercise(key)?.coercionSensitive).toBe(true);
  });

  it('never asks the hurt partner, in the apology, for an apology of their own', () => {
    const apology = builtIn('apology-that-lands');
    const hurtSees = promptsForRole(apology.prompts, 'hurt');
    expect(hurtSees.map((p) => p.id)).not.toContain('what_i_did');
    for (const prompt of hurtSees) {
      const options = prompt.kind === 'single_choice' || prompt.kind === 'checklist' ? prompt.options : [];
      for (const option of options) expect(option.label).not.toMatch(/we both have something to apologize/i);
    }
    expect(promptsForRole(apology.prompts, 'broke_trust').map((p) => p.id)).toEqual(
      expect.arrayContaining(['what_i_did', 'cost_to_partner']),
    );
  });

  it('asks the hurt partner for no pick among the causes when looking back, and the other for their own choices', () => {
    const lookingBack = builtIn('looking-back-to-move-forward');
    const forHurt = promptsForRole(lookingBack.prompts, 'hurt');
    for (const prompt of forHurt) if (prompt.kind === 'checklist') expect(prompt.required).toBe(false);
    expect(promptsForRole(lookingBack.prompts, 'broke_trust').map((p) => p.id)).toContain('my_choices');
  });

  it('lists sad, betrayed, humiliated and numb among the feelings', () => {
    const empathy = builtIn('in-your-partners-shoes');
    const feelings = empathy.prompts.find((p) => p.id === 'partner_feelings');
    const ids = feelings && feelings.kind === 'checklist' ? feelings.options.map((o) => o.id) : [];
    expect(ids).toEqual(expect.arrayContaining(['sad', 'betrayed', 'humiliated', 'numb']));
  });

  it('no longer stores the harsh first version of a complaint', () => {
    expect(builtIn('complaint-to-request').prompts.map((p) => p.id)).not.toContain('first_version');
  });

  it('finds exercises by key', () => {
    expect(getBuiltInExercise('noticing-small-wins')?.strategy).toBe('small_wins');
    expect(getBuiltInExercise('no-such-exercise')).toBeUndefined();
  });
});
