import { AssignmentTimestamps, isResponseOpen, ResponseTimestamps } from '../assignments/assignment-status';
import { Instant, toOptionalEpochMs } from '../shared/instant';

/** Everything that decides whether a reminder may still go to one partner. */
export interface ReminderFacts {
  readonly assignment: AssignmentTimestamps;
  readonly response: ResponseTimestamps;
  /** The therapist revoked this partner's link: they meant it, so reminders stop too. */
  readonly linkRevokedAt: Instant | null;
  readonly emailConsent: boolean;
  readonly coupleStatus: 'active' | 'paused' | 'discharged';
}

/**
 * A reminder may still go out: the partner's part is open (not submitted; homework neither
 * cancelled nor reviewed), their link is not revoked, they consent to email, and the couple is
 * active (paused and discharged couples get none). Planning, firing and the email queue's retries
 * all ask the SQL twin of this rule (`reminder-rule.sql.ts` in the reminders feature).
 */
export function reminderStillWanted(facts: ReminderFacts): boolean {
  return (
    isResponseOpen(facts.assignment, facts.response) &&
    toOptionalEpochMs(facts.linkRevokedAt, 'linkRevokedAt') === null &&
    facts.emailConsent &&
    facts.coupleStatus === 'active'
  );
}
