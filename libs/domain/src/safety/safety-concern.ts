import { type AnsweredCheckIn, isConcerningCheckIn } from './safety-check-in';

/**
 * Why the therapist should treat a couple as having an open safety concern (issue 22: the assign
 * dialog cautions before coercion-sensitive exercises while one is open):
 * - `pause_open`: a partner said they do not feel safe, or a check-in answer paused joint work,
 *   and the therapist has not lifted the pause yet;
 * - `concerning_check_in`: the pause was lifted, but a partner's most recent private check-in
 *   still has a concerning answer. Lifting resumes joint work; it does not mean the danger is
 *   gone, so the caution stays until that partner's next check-in is calm.
 */
export const SAFETY_CONCERNS = ['pause_open', 'concerning_check_in'] as const;
export type SafetyConcern = (typeof SAFETY_CONCERNS)[number];

export interface SafetyConcernFacts {
  readonly pauseOpen: boolean;
  /**
   * Each partner's latest submitted safety check-in (none, one or two), with the definition it was
   * sent with: each is judged by its own (the built-in check-in or the clinic's screen, as it was).
   */
  readonly latestCheckIns: readonly AnsweredCheckIn[];
}

/** The couple's open safety concern, or null when there is none (the pause first: it is the stronger). */
export function openSafetyConcern(facts: SafetyConcernFacts): SafetyConcern | null {
  if (facts.pauseOpen) return 'pause_open';
  if (facts.latestCheckIns.some((checkIn) => isConcerningCheckIn(checkIn, checkIn.answers)))
    return 'concerning_check_in';
  return null;
}
