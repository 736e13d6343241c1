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
  /** A partner's safety concern has paused the couple's joint work (an open safety pause). */
  readonly jointWorkPaused: boolean;
}

/**
 * A reminder may still go out: the partner's part is open (not submitted; homework neither
 * cancelled nor reviewed), their link is not revoked, they consent to email, the couple is
 * active (paused and discharged couples get none), and — for joint homework — no safety pause is
 * open: the partner who said they do not feel safe is not nudged to do the work with their
 * partner, and neither is the other, until the therapist lifts the pause (then reminders are
 * re-planned). Each partner's private safety check-in is their own and keeps its reminders.
 * Planning, firing and the email queue's retries all ask the SQL twin of this rule
 * (`reminder-rule.sql.ts` in the reminders feature).
 */
export function reminderStillWanted(facts: ReminderFacts): boolean {
  return (
    isResponseOpen(facts.assignment, facts.response) &&
    toOptionalEpochMs(facts.linkRevokedAt, 'linkRevokedAt') === null &&
    facts.emailConsent &&
    facts.coupleStatus === 'active' &&
    (facts.kind === 'safety_check_in' || !facts.jointWorkPaused)
  );
}
