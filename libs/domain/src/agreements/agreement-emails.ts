import { DEFAULT_QUIET_END_HOUR, DEFAULT_QUIET_START_HOUR, outOfQuietHours } from '../reminders/reminder-schedule';
import { AGREEMENT_REVIEW_LINK_LIFETIME_HOURS } from './agreement-review';

/** How long a "please confirm" link works: a week, then the next weekly review (if any) asks again. */
export const AGREEMENT_CONFIRMATION_LINK_LIFETIME_HOURS = 7 * 24;

/** One gentle reminder a day after a weekly review went out, as for a measurement check-in. */
export const AGREEMENT_REVIEW_REMINDER_AFTER_HOURS = 24;

const HOUR_MS = 60 * 60 * 1000;

/** What decides whether an email about a couple's agreements may go to one partner now. */
export interface AgreementEmailFacts {
  readonly emailConsent: boolean;
  readonly coupleStatus: string;
  /**
   * This partner said they do not feel safe, under a safety pause still open: nothing joint is
   * asked of them until the therapist lifts it. The other partner's emails go on as before (issue
   * 18: nothing they receive may change because their partner spoke up), as their reminders do.
   */
  readonly flaggedUnsafe: boolean;
}

/** Consent, an active couple (not paused or discharged), and not a partner who said they feel unsafe. */
const mayEmailAboutAgreements = (facts: AgreementEmailFacts): boolean =>
  facts.emailConsent && facts.coupleStatus === 'active' && !facts.flaggedUnsafe;

/**
 * "Please confirm" goes out for one version of one agreement when it may (above), and only while it
 * is still worth asking: the agreement is active, this version is still its wording (reworded twice
 * in a row: only the newest asks) and the partner has not confirmed it meanwhile.
 */
export function agreementConfirmationWanted(
  facts: AgreementEmailFacts & {
    readonly agreementActive: boolean;
    readonly versionIsCurrent: boolean;
    readonly confirmed: boolean;
  },
): boolean {
  return mayEmailAboutAgreements(facts) && facts.agreementActive && facts.versionIsCurrent && !facts.confirmed;
}

/**
 * When to remind a partner of their unanswered weekly review, or null when it would be pointless: a
 * day after it went out, moved out of their quiet hours, and only while the link still has at least
 * an hour to run. Pure; the reminder re-checks everything when it fires.
 */
export function planAgreementReviewReminder(input: { sentAt: Date; timezone: string }): Date | null {
  const sentMs = input.sentAt.getTime();
  const at = outOfQuietHours(sentMs + AGREEMENT_REVIEW_REMINDER_AFTER_HOURS * HOUR_MS, input.timezone, {
    start: DEFAULT_QUIET_START_HOUR,
    end: DEFAULT_QUIET_END_HOUR,
  });
  const linkEnds = sentMs + AGREEMENT_REVIEW_LINK_LIFETIME_HOURS * HOUR_MS;
  if (at > linkEnds - HOUR_MS) return null;
  return new Date(at);
}

/**
 * The reminder still goes: the review is unanswered, its first email went out (it has a link) and
 * the link has not expired, and the partner may be emailed (consent, couple active, not held by their own safety flag).
 */
export function agreementReviewReminderWanted(
  facts: AgreementEmailFacts & {
    readonly submittedAt: Date | null;
    readonly linkExpiresAt: Date | null;
    readonly now: Date;
  },
): boolean {
  return (
    mayEmailAboutAgreements(facts) &&
    facts.submittedAt === null &&
    facts.linkExpiresAt !== null &&
    facts.linkExpiresAt.getTime() > facts.now.getTime()
  );
}
