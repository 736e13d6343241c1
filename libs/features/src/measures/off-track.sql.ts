/**
 * The SQL twin of `offTrackReasons` in libs/domain: the one place SQL decides whether a couple is
 * off track and why. The home screen's Off-track panel and the weekly digest build on it;
 * `off-track.e2e-spec.ts` runs the same table of cases through this and the TypeScript and asserts
 * they agree.
 *
 * What the domain rule is given, this works out from the tables, the same way for every caller:
 * - the couple's outcome measure is the outcome measure a partner answered last (the weekly
 *   check-in; a clinic that switches measures is followed on the new one), and its check-out the
 *   alliance measure answered last; which way is better and the reliable change come from the
 *   measure's current version;
 * - only scored check-ins count (a response with too many skipped items has no score);
 * - a partner is the client's position (1 or 2); each partner's scores in time order;
 * - sessions held since the baseline are the couple's session days (held sessions and notes, not
 *   addenda: `coupleSessionDaysSql`, the same days the progress chart marks) on or after the day
 *   of the first outcome check-in, both on the clinic's clock.
 */

import { coupleSessionDaysSql } from '../sessions/held-session-days.sql';

/** SQL expressions for the clinic's thresholds and time zone (columns of a joined clinic row, or parameters). */
export interface OffTrackSettingsSql {
  recentDrop: string;
  gapWidening: string;
  lowCheckOut: string;
  sessionsWithoutImprovement: string;
  timezone: string;
}

/** The settings as the clinic row aliased `k` holds them. */
export function clinicOffTrackSettings(k: string): OffTrackSettingsSql {
  return {
    recentDrop: `${k}.off_track_recent_drop`,
    gapWidening: `${k}.off_track_gap_widening`,
    lowCheckOut: `${k}.off_track_low_check_out`,
    sessionsWithoutImprovement: `${k}.off_track_sessions_without_improvement`,
    timezone: `${k}.timezone`,
  };
}

/** "The last three check-ins", as in the domain rule. */
const WINDOW = 3;

/** How much better `to` is than `from` (negative: worse), whichever way the measure runs. */
const betterBy = (to: string, from: string) => `(CASE WHEN hib THEN ${to} - ${from} ELSE ${from} - ${to} END)`;

/**
 * A `LEFT JOIN LATERAL` giving, for the couple aliased `c`, one row `alias` with `reasons`: a jsonb
 * array of the domain's OffTrackReason objects in the domain's order (worsening, widening gap, low
 * check-out, no improvement; partner 1 before 2), empty when the couple is on track or has too few
 * check-ins to tell. Reads measure_response, client, measure, measure_version, session and
 * session_note, each by the couple's id (served by their couple indexes).
 */
export function offTrackJoin(c: string, settings: OffTrackSettingsSql, alias = 'ot'): string {
  return `LEFT JOIN LATERAL (
    WITH points AS (
      -- Read from measure_response_couple_scores_idx alone (a covering index: no heap visit).
      SELECT m.kind, r.measure_id, cl.position AS partner, r.occurrence, r.score, r.submitted_at, r.id
      FROM measure_response r
      JOIN client cl ON cl.id = r.client_id
      JOIN measure m ON m.id = r.measure_id
      WHERE r.couple_id = ${c}.id AND r.score IS NOT NULL
    ),
    chosen AS (
      -- The measure followed per kind, and its direction and reliable change, read once per measure.
      SELECT l.kind, l.measure_id, (v.definition->>'higherIsBetter')::boolean AS hib,
             (v.definition->>'reliableChange')::numeric AS rci
      FROM (SELECT DISTINCT ON (kind) kind, measure_id FROM points ORDER BY kind, submitted_at DESC, id DESC) l
      JOIN measure m ON m.id = l.measure_id
      JOIN measure_version v ON v.measure_id = m.id AND v.version = m.current_version
    ),
    series AS (
      SELECT p.*, ch.hib, ch.rci, row_number() OVER w AS n, count(*) OVER (PARTITION BY p.kind, p.partner) AS total
      FROM points p JOIN chosen ch USING (kind, measure_id)
      WINDOW w AS (PARTITION BY p.kind, p.partner ORDER BY p.submitted_at, p.id)
    ),
    outcome AS (
      SELECT partner, bool_and(hib) AS hib, max(rci) AS rci, max(total) AS total,
             max(score) FILTER (WHERE n = 1) AS baseline,
             max(score) FILTER (WHERE n = total - ${WINDOW - 1}) AS earlier,
             max(score) FILTER (WHERE n = total) AS latest,
             min(submitted_at) AS since
      FROM series WHERE kind = 'outcome' GROUP BY partner
    ),
    worsening AS (
      SELECT partner, CASE WHEN rci IS NOT NULL THEN baseline ELSE earlier END AS "from", latest AS "to",
             CASE WHEN rci IS NOT NULL THEN 'reliable_change' ELSE 'recent_drop' END AS basis
      FROM outcome
      WHERE total >= 2 AND CASE
        WHEN rci IS NOT NULL THEN ${betterBy('latest', 'baseline')} <= -rci
        ELSE total >= ${WINDOW} AND ${betterBy('latest', 'earlier')} <= -(${settings.recentDrop})
      END
    ),
    gaps AS (
      -- Both partners' answers to the same check-in, in partner 1's order.
      SELECT row_number() OVER (ORDER BY a.submitted_at, a.id) AS n, count(*) OVER () AS total,
             abs(a.score - b.score) AS gap
      FROM series a JOIN series b ON b.kind = 'outcome' AND b.partner = 2 AND b.occurrence = a.occurrence
      WHERE a.kind = 'outcome' AND a.partner = 1
    ),
    widening AS (
      SELECT max(gap) FILTER (WHERE n = total - ${WINDOW - 1}) AS "from", max(gap) FILTER (WHERE n = total) AS "to"
      FROM gaps HAVING max(total) >= ${WINDOW}
    ),
    check_out AS (
      SELECT partner, score FROM series
      WHERE kind = 'alliance' AND n = total
        AND CASE WHEN hib THEN score < ${settings.lowCheckOut} ELSE score > ${settings.lowCheckOut} END
    ),
    sessions AS (
      SELECT count(*)::int AS held FROM (${coupleSessionDaysSql(`${c}.id`, settings.timezone)}) session_days
      WHERE session_days.day >= ((SELECT min(since) FROM outcome) AT TIME ZONE ${settings.timezone})::date
    ),
    no_improvement AS (
      SELECT o.partner, s.held AS sessions, o.baseline AS "from", o.latest AS "to"
      FROM outcome o CROSS JOIN sessions s
      WHERE s.held >= ${settings.sessionsWithoutImprovement} AND o.total >= 2
        AND NOT EXISTS (SELECT 1 FROM worsening w WHERE w.partner = o.partner)
        AND ${betterBy('o.latest', 'o.baseline')} < coalesce(o.rci, ${settings.recentDrop})
    ),
    reasons AS (
      SELECT 1 AS rank, partner, jsonb_build_object('kind', 'worsening', 'partner', partner,
               'from', "from", 'to', "to", 'basis', basis) AS reason FROM worsening
      UNION ALL
      SELECT 2, 0, jsonb_build_object('kind', 'widening_gap', 'from', "from", 'to', "to")
      FROM widening WHERE "to" - "from" >= ${settings.gapWidening}
      UNION ALL
      SELECT 3, partner, jsonb_build_object('kind', 'low_check_out', 'partner', partner, 'score', score) FROM check_out
      UNION ALL
      SELECT 4, partner, jsonb_build_object('kind', 'no_improvement', 'partner', partner, 'sessions', sessions,
               'from', "from", 'to', "to") FROM no_improvement
    )
    SELECT coalesce(jsonb_agg(reason ORDER BY rank, partner), '[]'::jsonb) AS reasons FROM reasons
  ) ${alias} ON true`;
}
