import { responseOpenSql } from '../assignments/assignment-state.sql';
import { partnerFlaggedUnderOpenPauseSql } from '../safety/open-safety-pause.sql';

/**
 * The SQL twin of `reminderStillWanted` in libs/domain: a reminder may still go out for response
 * `r` (joined as in HOMEWORK_FACTS_JOINS: assignment `a`, partner `cl`, couple `c`). Planning,
 * firing and the email queue's retries of a reminder all ask this; `assignment-state.e2e-spec.ts`
 * checks it against the TypeScript for every case.
 */
export const REMINDER_STILL_WANTED = `${responseOpenSql('r', 'a')} AND r.link_revoked_at IS NULL
  AND cl.email_consent AND c.status = 'active'
  AND (a.kind = 'safety_check_in'
       OR NOT ${partnerFlaggedUnderOpenPauseSql('a.couple_id', 'r.client_id')})`;
