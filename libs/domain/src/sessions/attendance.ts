/**
 * Attendance per partner. Couples work has a twist other tools handle poorly: one partner comes,
 * the other does not. A session is "held" when at least one partner came (on time or late); it is a
 * "no-show" when neither did. An outcome is recorded only once the session has started.
 */

export type PartnerAttendance = 'attended' | 'late' | 'absent';
export type SessionOutcome = 'held' | 'no_show';

export interface OutcomeProblem {
  readonly field: string;
  readonly message: string;
}

/** What is wrong with recording `outcome` with this attendance (empty when it is consistent). */
export function outcomeProblems(
  outcome: SessionOutcome,
  attendance: readonly [PartnerAttendance, PartnerAttendance],
): OutcomeProblem[] {
  const came = attendance.filter((a) => a !== 'absent').length;
  if (outcome === 'held' && came === 0)
    return [{ field: 'attendance', message: 'a held session needs at least one partner attended or late' }];
  if (outcome === 'no_show' && came > 0)
    return [{ field: 'attendance', message: 'a no-show has both partners absent (mark the session held instead)' }];
  return [];
}

/** The attendance a no-show implies when none is given. */
export const NO_SHOW_ATTENDANCE: readonly [PartnerAttendance, PartnerAttendance] = ['absent', 'absent'];
