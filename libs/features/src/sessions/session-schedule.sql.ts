/**
 * The schedule rules' SQL twins (libs/domain/src/sessions/session-schedule.ts). The same table of
 * cases runs through both in tests/e2e/session-schedule-sql.e2e-spec.ts.
 */

/** `occupiesTherapist`: cancelled sessions free the therapist's time. */
export const sessionOccupiesSql = (s: string) => `${s}.status <> 'cancelled'`;

/** `slotsOverlap` for a session row `s` and a slot (start, minutes): half-open intervals. */
export const overlapsSlotSql = (s: string, slotStart: string, slotMinutes: string) =>
  `(${s}.starts_at < ${slotStart} + make_interval(mins => ${slotMinutes})
    AND ${slotStart} < ${s}.starts_at + make_interval(mins => ${s}.duration_minutes))`;

/** `nextSessionStart`: the couple's earliest scheduled session not yet ended, or null. */
export const nextSessionSql = (coupleId: string, now = 'now()') =>
  `(SELECT min(ns.starts_at) FROM session ns
    WHERE ns.couple_id = ${coupleId} AND ns.status = 'scheduled'
      AND ns.starts_at + make_interval(mins => ns.duration_minutes) > ${now})`;

/** `lastSessionStart`: the latest session of the couple that has started and was held or is still scheduled, or null. */
export const lastSessionSql = (coupleId: string, now = 'now()') =>
  `(SELECT max(ls.starts_at) FROM session ls
    WHERE ls.couple_id = ${coupleId} AND ls.status IN ('held', 'scheduled') AND ls.starts_at <= ${now})`;
