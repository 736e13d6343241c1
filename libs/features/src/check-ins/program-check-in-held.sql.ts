import { partnerFlaggedUnderOpenPauseSql } from '../safety/open-safety-pause.sql';

/**
 * "This check-in is a program step's, and its partner raised the couple's open safety pause": the
 * step is joint work, so its email (first or reminder) waits until the therapist lifts the pause,
 * as that partner's homework reminders and agreement emails do — the one rule,
 * `partnerFlaggedUnderOpenPauseSql`. The other partner's is sent as usual. On check_in `k`.
 */
export const PROGRAM_CHECK_IN_HELD_SQL = `(k.program_step_id IS NOT NULL
  AND ${partnerFlaggedUnderOpenPauseSql('k.couple_id', 'k.client_id')})`;
