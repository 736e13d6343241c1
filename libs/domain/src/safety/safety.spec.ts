import { concerningCheckInAnswers, isConcerningCheckIn, SAFETY_CHECK_IN_EXERCISE } from './safety-check-in';
import { openSafetyConcern } from './safety-concern';
import { safetyCheckInDue } from './safety-pause';
import { validateAnswers } from '../exercises/answer-validation';
import { promptsForRole } from '../exercises/partner-roles';
import type { AnswerMap } from '../exercises/prompt.types';

const calm = { safe_at_home: 'yes', afraid_of_partner: 'never', frightened_or_hurt: 'no', joint_exercises_safe: 'yes' };
const BUILT_IN = SAFETY_CHECK_IN_EXERCISE;
const concerningAnswers = (answers: AnswerMap) => concerningCheckInAnswers(BUILT_IN, answers);
const isConcerning = (answers: AnswerMap) => isConcerningCheckIn(BUILT_IN, answers);
const builtIn = (answers: AnswerMap) => ({ prompts: BUILT_IN.prompts, answers });

/**
 * What the built-in check-in flagged before its concerning answers moved from a table beside it into
 * its definition (pinned: the move must not change one judgement).
 */
const CONCERNING_BEFORE: Record<string, readonly string[]> = {
  safe_at_home: ['no', 'unsure'],
  afraid_of_partner: ['sometimes', 'often'],
  frightened_or_hurt: ['yes', 'rather_not_say'],
  joint_exercises_safe: ['no', 'unsure'],
};

describe('the safety check-in', () => {
  it('keeps every answer for the counselor only', () => {
    expect(SAFETY_CHECK_IN_EXERCISE.prompts.every((p) => p.audience === 'counselor_only')).toBe(true);
  });

  it('accepts calm answers as a complete submission', () => {
    expect(validateAnswers(SAFETY_CHECK_IN_EXERCISE.prompts, calm, { mode: 'submit' })).toEqual([]);
    expect(isConcerning(calm)).toBe(false);
  });

  it.each([
    ['safe_at_home', 'no'],
    ['safe_at_home', 'unsure'],
    ['afraid_of_partner', 'sometimes'],
    ['afraid_of_partner', 'often'],
    ['frightened_or_hurt', 'yes'],
    ['frightened_or_hurt', 'rather_not_say'],
    ['joint_exercises_safe', 'no'],
    ['joint_exercises_safe', 'unsure'],
  ])('finds %s = %s concerning on its own', (promptId, value) => {
    const answers = { ...calm, [promptId]: value };
    expect(concerningAnswers(answers)).toEqual([promptId]);
    expect(isConcerning(answers)).toBe(true);
  });

  it('flags exactly what it flagged before the rule moved into its definition, every answer of every question', () => {
    const questions = BUILT_IN.prompts.flatMap((p) => (p.kind === 'single_choice' ? [p] : []));
    expect(questions.map((p) => p.id)).toEqual(Object.keys(CONCERNING_BEFORE));
    for (const question of questions)
      for (const option of question.options) {
        const flagged = concerningAnswers({ ...calm, [question.id]: option.id });
        expect([question.id, option.id, flagged]).toEqual([
          question.id,
          option.id,
          CONCERNING_BEFORE[question.id].includes(option.id) ? [question.id] : [],
        ]);
      }
    // Every combination of the four answers: the same prompts, in the same order, as the table gave.
    const combinations = questions.reduce<AnswerMap[]>(
      (all, q) => all.flatMap((answers) => q.options.map((o) => ({ ...answers, [q.id]: o.id }))),
      [{}],
    );
    expect(combinations).toHaveLength(3 ** 4);
    for (const answers of combinations)
      expect(concerningAnswers(answers)).toEqual(
        Object.entries(CONCERNING_BEFORE)
          .filter(([id, values]) => values.includes(answers[id] as string))
          .map(([id]) => id),
      );
  });

  it('never shows a partner which answers are concerning', () => {
    const shown = promptsForRole(BUILT_IN.prompts, 'not_set');
    expect(JSON.stringify(shown)).not.toContain('concerning');
    // The definition itself keeps them (the judge reads it).
    expect(JSON.stringify(BUILT_IN.prompts)).toContain('concerning');
    expect(validateAnswers(shown, calm, { mode: 'submit' })).toEqual([]);
  });

  it('names every concerning answer, and never judges the free text', () => {
    expect(
      concerningAnswers({ ...calm, safe_at_home: 'no', joint_exercises_safe: 'no', anything_else: 'hit me' }),
    ).toEqual(['safe_at_home', 'joint_exercises_safe']);
    expect(isConcerning({ ...calm, anything_else: 'all fine' })).toBe(false);
  });

  it('ignores values that are not options and answers to other prompts', () => {
    expect(isConcerning({ safe_at_home: ['no'] as unknown as string, other: 'no' })).toBe(false);
    expect(isConcerning({})).toBe(false);
  });

  it('judges by the definition it is given: a definition without marks flags nothing', () => {
    const unmarked = {
      prompts: BUILT_IN.prompts.map((p) =>
        p.kind === 'single_choice' ? { ...p, options: p.options.map(({ id, label }) => ({ id, label })) } : p,
      ),
    };
    expect(isConcerningCheckIn(unmarked, { ...calm, safe_at_home: 'no' })).toBe(false);
  });
});

describe('safetyCheckInDue', () => {
  const now = new Date('2026-12-05T12:00:00Z');
  const daysAgo = (n: number) => new Date(now.getTime() - n * 24 * 3600 * 1000);

  it('sends nothing when the clinic has no interval', () => {
    expect(safetyCheckInDue(null, null, now)).toBe(false);
    expect(safetyCheckInDue(daysAgo(400), null, now)).toBe(false);
  });

  it('sends the first check-in at once', () => {
    expect(safetyCheckInDue(null, 28, now)).toBe(true);
  });

  it('sends the next one when the interval has passed, not before', () => {
    expect(safetyCheckInDue(daysAgo(27), 28, now)).toBe(false);
    expect(safetyCheckInDue(daysAgo(28), 28, now)).toBe(true);
    expect(safetyCheckInDue(daysAgo(40), 28, now)).toBe(true);
  });
});

describe('openSafetyConcern', () => {
  const concerning = { ...calm, afraid_of_partner: 'often' };

  it('is none with no pause and only calm check-ins (or none at all)', () => {
    expect(openSafetyConcern({ pauseOpen: false, latestCheckIns: [] })).toBeNull();
    expect(openSafetyConcern({ pauseOpen: false, latestCheckIns: [builtIn(calm), builtIn(calm)] })).toBeNull();
  });

  it('names the open pause first, whatever the check-ins say', () => {
    expect(openSafetyConcern({ pauseOpen: true, latestCheckIns: [] })).toBe('pause_open');
    expect(openSafetyConcern({ pauseOpen: true, latestCheckIns: [builtIn(concerning)] })).toBe('pause_open');
  });

  it('stays open after the pause is lifted while either partner’s latest check-in is concerning', () => {
    expect(openSafetyConcern({ pauseOpen: false, latestCheckIns: [builtIn(calm), builtIn(concerning)] })).toBe(
      'concerning_check_in',
    );
    expect(
      openSafetyConcern({ pauseOpen: false, latestCheckIns: [builtIn({ ...calm, anything_else: 'he hit me' })] }),
    ).toBeNull();
  });

  it('judges each check-in by its own definition (a clinic screen beside the built-in)', () => {
    const screen = {
      prompts: [
        {
          kind: 'single_choice' as const,
          id: 'q1',
          label: 'Pushed, slapped or hit?',
          required: true,
          audience: 'counselor_only' as const,
          options: [
            { id: 'o1', label: 'Never' },
            { id: 'o2', label: 'Once', concerning: true as const },
          ],
        },
      ],
    };
    // "o2" means nothing to the built-in, and "often" nothing to the screen.
    expect(
      openSafetyConcern({ pauseOpen: false, latestCheckIns: [builtIn(calm), { ...screen, answers: { q1: 'o1' } }] }),
    ).toBeNull();
    expect(
      openSafetyConcern({ pauseOpen: false, latestCheckIns: [builtIn(calm), { ...screen, answers: { q1: 'o2' } }] }),
    ).toBe('concerning_check_in');
    expect(isConcerningCheckIn(screen, { q1: 'often' })).toBe(false);
  });
});
