/**
 * What has happened to a partner's homework link email, in words a therapist can act on. Nothing
 * here claims more than the send ledger shows: a queued email is "sending", not "emailed".
 *
 * - `sending`: queued and the partner consents; the worker sends it within moments.
 * - `sent`: a link email went out (the latest one, if several).
 * - `no_consent`: nothing went out and the partner has not agreed to email; it is sent when they do.
 * - `failed`: the mail server refused it every time; resend or check the clinic's email settings.
 * - `not_sent`: nothing went out and nothing is waiting (e.g. the homework was done or cancelled first).
 */
export const HOMEWORK_EMAIL_STATES = ['sending', 'sent', 'no_consent', 'failed', 'not_sent'] as const;
export type HomeworkEmailState = (typeof HOMEWORK_EMAIL_STATES)[number];

export interface HomeworkEmailFacts {
  /** The partner agrees to receive homework email now. */
  emailConsent: boolean;
  /** When a link email to this partner for this homework last went out; null when none did. */
  lastSentAt: Date | null;
  /** A link email for this homework is queued and not yet sent (or given up). */
  pending: boolean;
  /** A link email for this homework failed for good. */
  failed: boolean;
}

export function homeworkEmailState(facts: HomeworkEmailFacts): HomeworkEmailState {
  // Without consent the worker sends nothing, so a queued email is not on its way.
  if (facts.pending && facts.emailConsent) return 'sending';
  if (facts.lastSentAt) return 'sent';
  if (!facts.emailConsent) return 'no_consent';
  if (facts.failed) return 'failed';
  return 'not_sent';
}
