/**
 * "The couple's session days", the SQL twin of `coupleSessionDays` (libs/domain): the one place
 * SQL decides on which days a couple had a session. The progress chart marks these days
 * (MeasureResponsesRepository.sessionDates) and the off-track rule counts them since the baseline
 * (off-track.sql.ts); tests/e2e/off-track.e2e-spec.ts runs the same cases through both twins.
 *
 * A day (a `date` on the clinic's clock, `timezone` being an SQL expression for the clinic's zone)
 * counts when a session was held on it — cancelled, no-show and still-scheduled ones do not — or
 * when a session note, not an addendum, is dated on it: notes written before sessions were
 * first-class records are the only trace of those sessions. UNION, so a held session and its note
 * are one day. Reads session by (couple_id, starts_at) and session_note by (couple_id,
 * session_date): both have an index leading with couple_id.
 *
 * A subquery with one column, `day`, for the couple whose id is the SQL expression `coupleId`.
 */
export const coupleSessionDaysSql = (coupleId: string, timezone: string): string => `
  SELECT (held_session.starts_at AT TIME ZONE ${timezone})::date AS day
  FROM session held_session
  WHERE held_session.couple_id = ${coupleId} AND held_session.status = 'held'
  UNION
  SELECT session_day_note.session_date
  FROM session_note session_day_note
  WHERE session_day_note.couple_id = ${coupleId} AND session_day_note.addendum_to IS NULL`;
