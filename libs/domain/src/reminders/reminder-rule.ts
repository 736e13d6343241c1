import { AssignmentTimestamps, isResponseOpen, ResponseTimestamps } from '../assignments/assignment-status';
import { Instant, toOptionalEpochMs } from '../shared/instant';
import type { ExerciseKind } from '../safety/safety-check-in';

/** Everything that decides whether a reminder may still go to one partner. */
export interface ReminderFacts {
  readonly assignment: AssignmentTimestamps;
  readonly response: ResponseTimestamps;
  /** The therapist revoked this partner's link: they meant it, so reminders stop too. */
  readonly linkRevokedAt: Instant | null;
  readonly emailConsent: boolean;
  readonly coupleStatus: 'active' | 'paused' | 'discharged';
  /** Library homework, or the private safety check-in. */
  readonly kind: ExerciseKind;
  /**
   * This partner said they do not feel safe (a flag of theirs under a safety pause still open).
   * The other partner's flag does not count here: see `reminderStillWanted`.
   */
  readonly flaggedUnsafeUnderOpenPause: boolean;
}

/**
 * A reminder may still go out: the partner's part is open (not submitted; homework neither
 * cancelled nor reviewed), their link is not revoked, they consent to email, the couple is
 * active (paused and discharged couples get none), and — for joint homework — this partner has not
 * said they feel unsafe under a pause still open: they are not nudged to do the work with their
 * partner until the therapist lifts the pause (then their reminders are planned again). The other
 * partner's reminders go on exactly as before: issue 18 asks that nothing they receive changes, as
 * reminders that stopped the day their partner spoke up would tell them something happened (the
 * pause already keeps their answers from being shared, and new joint homework from being assigned).
 * Each partner's private safety check-in is their own and keeps its reminders.
 * Planning, firing and the email queue's retries all ask the SQL twin of this rule
 * (`reminder-rule.sql.ts` in the reminders feature).
 */
export function reminderStillWanted(facts: ReminderFacts): boolean {
  return (
    isResponseOpen(facts.assignment, facts.response) &&
    toOptionalEpochMs(facts.linkRevokedAt, 'linkRevokedAt') === null &&
    facts.emailConsent &&
    facts.coupleStatus === 'active' &&
    (facts.kind === 'safety_check_in' || !facts.flaggedUnsafeUnderOpenPause)
  );
}
