/** A partner's account of one agreement for one week. */
export const AGREEMENT_REVIEW_ANSWERS = ['kept', 'mostly', 'not_kept'] as const;
export type AgreementReviewAnswer = (typeof AGREEMENT_REVIEW_ANSWERS)[number];

/** How long a weekly review link works: less than a week, so two never overlap. */
export const AGREEMENT_REVIEW_LINK_LIFETIME_HOURS = 6 * 24;

/** The exercise whose answers a therapist may turn into agreements, and the prompts that hold one. */
export const AGREEMENT_EXERCISE_KEY = 'agreements-we-can-keep';
export const AGREEMENT_PROMPT_IDS = ['proposed_agreement', 'my_offer'] as const;

/** One week of one agreement: each partner's answer (null: not answered), in partner order. */
export interface AgreementWeek {
  /** The local date (YYYY-MM-DD) the week's review went out. */
  readonly weekOf: string;
  readonly answers: readonly (AgreementReviewAnswer | null)[];
}

/**
 * Both partners answered and not alike: what the therapist's grid flags. "Mostly" against "kept" is
 * a difference too: that is exactly the conversation worth having.
 */
export function accountsDiffer(answers: readonly (AgreementReviewAnswer | null)[]): boolean {
  if (answers.length < 2 || answers.some((answer) => answer === null)) return false;
  return answers.some((answer) => answer !== answers[0]);
}

/** Every partner said "kept" (a couple of one is never "both"). */
export const bothKept = (answers: readonly (AgreementReviewAnswer | null)[]): boolean =>
  answers.length >= 2 && answers.every((answer) => answer === 'kept');

/**
 * The streak a partner sees: the run of most recent weeks in which both partners said "kept". The
 * latest week counts when both said kept and is otherwise left out rather than ending the run, so
 * the other partner's silence (or their answer) this week says nothing; any earlier week that was
 * not both-kept ends it. Nothing but the count leaves this function: never the other's answer.
 */
export function sharedKeptStreak(weeks: readonly AgreementWeek[]): number {
  const newestFirst = [...weeks].sort((a, b) => (a.weekOf < b.weekOf ? 1 : a.weekOf > b.weekOf ? -1 : 0));
  let streak = 0;
  for (const [index, week] of newestFirst.entries()) {
    if (bothKept(week.answers)) streak += 1;
    else if (index > 0) break;
  }
  return streak;
}
