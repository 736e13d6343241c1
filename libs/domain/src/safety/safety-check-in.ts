import type { ExerciseDefinition } from '../exercises/exercise.types';
import type { AnswerMap, Prompt } from '../exercises/prompt.types';
import { longText, singleChoice } from '../exercises/prompt-builders';

/**
 * The private safety check-in, in Trellis's own words (not a licensed instrument). Each partner
 * gets their own copy, alone: every prompt is for the counselor only, so no sharing setting can
 * ever show one partner's answers to the other. It is not part of the exercise library (a
 * therapist never assigns it by hand); the check-in job sends it.
 *
 * Guidance for couple therapists is to ask each partner separately about violence and fear
 * (Stith, McCollum & Rosen 2011); these four questions cover what issue 18 asks: feeling safe at
 * home, being afraid of the partner, anything that frightened or hurt them, and whether the joint
 * exercises feel safe. A clinic may send a screen of its own instead (`safety-screen.ts`); both are
 * judged by the one rule below, from the concerning options their definitions mark.
 */
export const SAFETY_CHECK_IN_KEY = 'safety-check-in';

const YES_NO_UNSURE = [
  ['yes', 'Yes'],
  ['unsure', 'I am not sure'],
  ['no', 'No'],
] as const;

export const SAFETY_CHECK_IN_EXERCISE: ExerciseDefinition = Object.freeze({
  key: SAFETY_CHECK_IN_KEY,
  title: 'A private check-in',
  strategy: 'seeking_help',
  purpose: 'A few private questions so your counselor knows how you are doing.',
  instructions:
    'Only your counselor will read these answers. Your partner does not see them, and is not told what you answered. If you are in danger right now, call your local emergency number.',
  estimatedMinutes: 3,
  // Still 1: marking the concerning options (issue 18, a clinic's own screen) moved the rule into
  // the definition without changing a word a partner reads or an answer it flags; the migration
  // that added the marks wrote them into the check-ins already sent too.
  version: 1,
  // Sent at the start of work and then on the clinic's interval, whatever the couple's phase; never
  // assigned by hand, so the assign dialog's cautions never see it.
  phase: 'crisis_and_impact',
  coercionSensitive: false,
  // The options marked `concerning` are the answers that mean the counselor should look now and
  // joint work should pause.
  prompts: Object.freeze([
    singleChoice('safe_at_home', 'Do you feel safe at home?', YES_NO_UNSURE, {
      audience: 'counselor_only',
      concerning: ['no', 'unsure'],
    }),
    singleChoice(
      'afraid_of_partner',
      'Are you ever afraid of your partner?',
      [
        ['never', 'Never'],
        ['sometimes', 'Sometimes'],
        ['often', 'Often'],
      ],
      { audience: 'counselor_only', concerning: ['sometimes', 'often'] },
    ),
    singleChoice(
      'frightened_or_hurt',
      'Since we last asked, has your partner done anything that frightened you or hurt you?',
      [
        ['no', 'No'],
        ['yes', 'Yes'],
        ['rather_not_say', 'I would rather not say here'],
      ],
      // "Rather not say" to this question is itself a reason to ask in person.
      { audience: 'counselor_only', concerning: ['yes', 'rather_not_say'] },
    ),
    singleChoice(
      'joint_exercises_safe',
      'Do the exercises you do with your partner feel safe for you?',
      YES_NO_UNSURE,
      { audience: 'counselor_only', concerning: ['no', 'unsure'] },
    ),
    longText('anything_else', 'Is there anything else you want your counselor to know? (optional)', {
      required: false,
      maxLength: 2000,
      audience: 'counselor_only',
    }),
  ]),
}) as ExerciseDefinition;

/**
 * What a check-in is judged by: its prompts, whose single-choice options say which answers are
 * concerning. The built-in check-in, a clinic's own safety screen, and the frozen copy on each
 * check-in sent (so an answer is always judged by the version it answered, whatever was edited since).
 */
export interface CheckInDefinition {
  readonly prompts: readonly Prompt[];
}

/** One partner's submitted check-in: the definition it was sent with and the answers. */
export interface AnsweredCheckIn extends CheckInDefinition {
  readonly answers: AnswerMap;
}

/**
 * Which of a safety check-in's answers are concerning (empty: none), as prompt ids in the
 * definition's order: a single-choice answer naming an option marked `concerning`. One concerning
 * answer is enough: the check-in screens, it does not score, and a missed concern costs far more
 * than a therapist's look at a false one. Free text is never judged by a machine.
 */
export function concerningCheckInAnswers(definition: CheckInDefinition, answers: AnswerMap): string[] {
  return definition.prompts
    .filter((prompt) => {
      if (prompt.kind !== 'single_choice') return false;
      const answer = answers[prompt.id];
      return typeof answer === 'string' && prompt.options.some((o) => o.id === answer && o.concerning === true);
    })
    .map((prompt) => prompt.id);
}

export function isConcerningCheckIn(definition: CheckInDefinition, answers: AnswerMap): boolean {
  return concerningCheckInAnswers(definition, answers).length > 0;
}

/** What an exercise (and the homework made from it) is: library homework, or the safety check-in. */
export const EXERCISE_KINDS = ['homework', 'safety_check_in'] as const;
export type ExerciseKind = (typeof EXERCISE_KINDS)[number];
