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

/**
 * What is wrong with recording `outcome` with this attendance (empty when it is consistent). Each
 * problem names the request field it is about (`partner1`, `partner2`), as every other 400 does:
 * a held session with nobody there names both partners; a no-show names each partner marked as
 * having come.
 */
export function outcomeProblems(
  outcome: SessionOutcome,
  attendance: readonly [PartnerAttendance, PartnerAttendance],
): OutcomeProblem[] {
  const fields = ['partner1', 'partner2'] as const;
  const came = attendance.filter((a) => a !== 'absent').length;
  if (outcome === 'held' && came === 0)
    return fields.map((field) => ({
      field,
      message: 'a held session needs at least one partner attended or late',
    }));
  if (outcome === 'no_show' && came > 0)
    return fields
      .filter((_, i) => attendance[i] !== 'absent')
      .map((field) => ({
        field,
        message: 'a no-show has both partners absent (mark the session held instead)',
      }));
  return [];
}

/** The attendance a no-show implies when none is given. */
export const NO_SHOW_ATTENDANCE: readonly [PartnerAttendance, PartnerAttendance] = ['absent', 'absent'];
