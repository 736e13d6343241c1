import type { AnswerMap, Prompt } from './prompt.types';

/**
 * Who reads the answer to a prompt, besides the counselor (who reads every answer):
 * - `shared`: the partner too, once both have submitted, and only if the therapist turned answer
 *   sharing on for that homework;
 * - `counselor_only`: nobody else, whatever the sharing setting. A partner may be writing about
 *   the other partner, or about not feeling safe with them.
 */
export const PROMPT_AUDIENCES = ['shared', 'counselor_only'] as const;
export type PromptAudience = (typeof PROMPT_AUDIENCES)[number];

/** What a new prompt starts as in the builders and the editor; the author can always change it. */
export const DEFAULT_PROMPT_AUDIENCE: PromptAudience = 'shared';

export function isPromptAudience(value: unknown): value is PromptAudience {
  return typeof value === 'string' && (PROMPT_AUDIENCES as readonly string[]).includes(value);
}

/**
 * A prompt's audience. Fails closed: a prompt without a readable audience (a row written before
 * prompts had one and missed by the backfill, a hand-edited row) is for the counselor only.
 */
export function audienceOf(prompt: { readonly audience?: unknown }): PromptAudience {
  return prompt.audience === 'shared' ? 'shared' : 'counselor_only';
}

/** Who will read a partner's answer to this prompt on this homework. */
export type AnswerReaders = 'counselor' | 'counselor_and_partner';

export function readersOf(prompt: { readonly audience?: unknown }, sharesAnswersAfterBoth: boolean): AnswerReaders {
  return sharesAnswersAfterBoth && audienceOf(prompt) === 'shared' ? 'counselor_and_partner' : 'counselor';
}

/** The line the homework page shows under each prompt, so nobody writes without knowing who reads. */
export function readersNote(readers: AnswerReaders): string {
  return readers === 'counselor'
    ? 'Only your counselor will read this answer.'
    : 'Your counselor will read this answer. Your partner will too, once you have both submitted.';
}

export interface PartnerAnswersQuestion {
  /** The therapist's sharing setting for this homework. */
  readonly sharesAnswersAfterBoth: boolean;
  /** When the partner asking submitted, if they have. */
  readonly mySubmittedAt: Date | null;
  /** When the other partner submitted, if they have. */
  readonly partnerSubmittedAt: Date | null;
  /** The homework's prompts, with their audiences. */
  readonly prompts: readonly Prompt[];
  /** The other partner's answers. */
  readonly partnerAnswers: AnswerMap;
  /**
   * When the couple's open safety pause began (null: none). Required, so no caller can forget it.
   * A pause stops any sharing that was not already open when it began: answers that were already
   * readable stay readable, so the partner who did not raise it sees their page exactly as before
   * and learns nothing from it.
   */
  readonly sharingPausedSince: Date | null;
}

/**
 * The seal on a partner's answers, for homework and check-ins alike: broken only when both
 * partners have submitted and the therapist allowed sharing, and never by a submission after the
 * couple's safety pause began (answers already readable then stay readable, so the partner who did
 * not raise it sees nothing change). What is then shown is decided by the caller's own rule (prompt
 * audiences for homework; scores for a check-in).
 */
export function partnerAnswersUnsealed(
  question: Pick<
    PartnerAnswersQuestion,
    'sharesAnswersAfterBoth' | 'mySubmittedAt' | 'partnerSubmittedAt' | 'sharingPausedSince'
  >,
): boolean {
  const { sharesAnswersAfterBoth, mySubmittedAt, partnerSubmittedAt, sharingPausedSince } = question;
  if (!sharesAnswersAfterBoth || !mySubmittedAt || !partnerSubmittedAt) return false;
  if (!sharingPausedSince) return true;
  // Sharing opened when the second partner submitted; after the pause began, it stays shut.
  return Math.max(mySubmittedAt.getTime(), partnerSubmittedAt.getTime()) < sharingPausedSince.getTime();
}

/**
 * What one partner may read of the other's answers: nothing until both have submitted and the
 * therapist allowed sharing, and then only the answers to `shared` prompts. An answer keyed by an
 * id that is not one of the prompts is never shown either. While a safety pause is open, nothing
 * becomes readable that was not readable before it began.
 */
export function partnerAnswersVisibleTo(question: PartnerAnswersQuestion): AnswerMap | null {
  const { prompts, partnerAnswers } = question;
  if (!partnerAnswersUnsealed(question)) return null;
  const shareable = new Set(prompts.filter((prompt) => audienceOf(prompt) === 'shared').map((prompt) => prompt.id));
  const visible: AnswerMap = {};
  for (const [promptId, answer] of Object.entries(partnerAnswers)) {
    if (shareable.has(promptId)) visible[promptId] = answer;
  }
  return visible;
}
