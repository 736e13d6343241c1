/**
 * The SQL twin of `offTrackReasons` in libs/domain: the one place SQL decides whether a couple is
 * off track and why. The home screen's Off-track panel and the weekly digest build on it, for all
 * the couples they show in one set-based pass (once per couple as a lateral subquery, the rule
 * cost the home screen about 0.4 ms a couple and was most of its growth with the caseload);
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

/**
 * The columns `offTrackReasonsSql` needs of each couple, from couple rows aliased `c` joined to
 * their clinic aliased `k` (whose thresholds and time zone apply).
 */
export const offTrackInputColumns = (c: string, k: string): string =>
  `${c}.id, ${k}.off_track_recent_drop AS recent_drop, ${k}.off_track_gap_widening AS gap_widening,
   ${k}.off_track_low_check_out AS low_check_out,
   ${k}.off_track_sessions_without_improvement AS sessions_without_improvement, ${k}.timezone`;

/** "The last three check-ins", as in the domain rule. */
const WINDOW = 3;

/** How much better `to` is than `from` (negative: worse), whichever way the measure runs. */
const betterBy = (to: string, from: string, hib = 'hib') =>
  `(CASE WHEN ${hib} THEN ${to} - ${from} ELSE ${from} - ${to} END)`;

/**
 * A query giving, for every couple of the relation `couples` — columns `id`, `recent_drop`,
 * `gap_widening`, `low_check_out`, `sessions_without_improvement` and `timezone` (the clinic's
 * thresholds and zone; `offTrackInputColumns` selects them) — one row (`couple_id`, `reasons`):
 * a jsonb array of the domain's OffTrackReason objects in the domain's order (worsening, widening
 * gap, low check-out, no improvement; partner 1 before 2), empty when the couple is on track or
 * has too few check-ins to tell. Set-based: every couple's check-ins are read and ranked in one
 * pass (client and measure_response by couple; measure and measure_version once per answered
 * measure; session and session_note by couple, for the couples with an outcome check-in).
 */
export function offTrackReasonsSql(couples: string): string {
  return `WITH oc AS MATERIALIZED (SELECT * FROM ${couples} AS off_track_input),
    raw_points AS MATERIALIZED (
      -- Per couple and partner by index (client by couple, then measure_response by couple): a join
      -- the planner chose itself scanned every clinic's check-ins.
      SELECT oc.id AS couple_id, r.measure_id, cl.position AS partner, r.occurrence, r.score, r.submitted_at, r.id
      FROM oc
      JOIN client cl ON cl.couple_id = oc.id
      CROSS JOIN LATERAL (
        SELECT r.measure_id, r.occurrence, r.score, r.submitted_at, r.id FROM measure_response r
        WHERE r.couple_id = oc.id AND r.client_id = cl.id AND r.score IS NOT NULL) r
    ),
    measures AS MATERIALIZED (
      -- Which way is better and the reliable change, from each answered measure's current version:
      -- read once per measure, not per point (per point, each definition rode through every sort
      -- and window below: about a fifth of the rule's time at 43 couples, growing with them).
      SELECT m.id, m.kind, (v.definition->>'higherIsBetter')::boolean AS hib,
             (v.definition->>'reliableChange')::numeric AS rci
      FROM measure m JOIN measure_version v ON v.measure_id = m.id AND v.version = m.current_version
      WHERE m.id IN (SELECT DISTINCT measure_id FROM raw_points)
    ),
    points AS (
      SELECT p.couple_id, m.kind, p.measure_id, p.partner, p.occurrence, p.score, p.submitted_at, p.id, m.hib, m.rci
      FROM raw_points p JOIN measures m ON m.id = p.measure_id
    ),
    series AS (
      -- Each kind followed on the measure a partner answered last; each partner's points in order.
      -- Window functions, not joins: the planner cannot size a CTE, and looped over it.
      SELECT f.*, row_number() OVER w AS n, count(*) OVER (PARTITION BY f.couple_id, f.kind, f.partner) AS total
      FROM (
        SELECT p.*, first_value(p.measure_id) OVER (
                 PARTITION BY p.couple_id, p.kind ORDER BY p.submitted_at DESC, p.id DESC) AS followed
        FROM points p
      ) f
      WHERE f.measure_id = f.followed
      WINDOW w AS (PARTITION BY f.couple_id, f.kind, f.partner ORDER BY f.submitted_at, f.id)
    ),
    outcome AS (
      SELECT couple_id, partner, bool_and(hib) AS hib, max(rci) AS rci, max(total) AS total,
             max(score) FILTER (WHERE n = 1) AS baseline,
             max(score) FILTER (WHERE n = total - ${WINDOW - 1}) AS earlier,
             max(score) FILTER (WHERE n = total) AS latest,
             min(submitted_at) AS since
      FROM series WHERE kind = 'outcome' GROUP BY couple_id, partner
    ),
    worsening AS (
      SELECT o.couple_id, o.partner,
             CASE WHEN o.rci IS NOT NULL THEN o.baseline ELSE o.earlier END AS "from", o.latest AS "to",
             CASE WHEN o.rci IS NOT NULL THEN 'reliable_change' ELSE 'recent_drop' END AS basis
      FROM outcome o JOIN oc ON oc.id = o.couple_id
      WHERE o.total >= 2 AND CASE
        WHEN o.rci IS NOT NULL THEN ${betterBy('o.latest', 'o.baseline', 'o.hib')} <= -o.rci
        ELSE o.total >= ${WINDOW} AND ${betterBy('o.latest', 'o.earlier', 'o.hib')} <= -(oc.recent_drop)
      END
    ),
    gaps AS (
      -- Both partners' answers to the same check-in, in partner 1's order, per couple. Grouped, not
      -- a self-join of series: the planner cannot size a CTE and looped over it, and a partner
      -- answers one occurrence of a measure once (the response table's unique key).
      SELECT couple_id, row_number() OVER w AS n, count(*) OVER (PARTITION BY couple_id) AS total, gap
      FROM (
        SELECT couple_id,
               abs(max(score) FILTER (WHERE partner = 1) - max(score) FILTER (WHERE partner = 2)) AS gap,
               max(submitted_at) FILTER (WHERE partner = 1) AS first_at,
               (array_agg(id) FILTER (WHERE partner = 1))[1] AS first_id
        FROM series WHERE kind = 'outcome'
        GROUP BY couple_id, occurrence
        HAVING count(*) FILTER (WHERE partner = 1) > 0 AND count(*) FILTER (WHERE partner = 2) > 0
      ) both_answered
      WINDOW w AS (PARTITION BY couple_id ORDER BY first_at, first_id)
    ),
    widening AS (
      SELECT g.couple_id, max(g.gap) FILTER (WHERE g.n = g.total - ${WINDOW - 1}) AS "from",
             max(g.gap) FILTER (WHERE g.n = g.total) AS "to"
      FROM gaps g GROUP BY g.couple_id HAVING max(g.total) >= ${WINDOW}
    ),
    check_out AS (
      SELECT s.couple_id, s.partner, s.score FROM series s JOIN oc ON oc.id = s.couple_id
      WHERE s.kind = 'alliance' AND s.n = s.total
        AND CASE WHEN s.hib THEN s.score < oc.low_check_out ELSE s.score > oc.low_check_out END
    ),
    sessions AS (
      -- Session days since the day of the couple's first outcome check-in, on the clinic's clock.
      SELECT b.couple_id,
             (SELECT count(*)::int FROM (${coupleSessionDaysSql('b.couple_id', 'oc.timezone')}) session_days
              WHERE session_days.day >= (b.since AT TIME ZONE oc.timezone)::date) AS held
      FROM (SELECT couple_id, min(since) AS since FROM outcome GROUP BY couple_id) b
      JOIN oc ON oc.id = b.couple_id
    ),
    no_improvement AS (
      SELECT o.couple_id, o.partner, s.held AS sessions, o.baseline AS "from", o.latest AS "to"
      FROM outcome o JOIN sessions s ON s.couple_id = o.couple_id JOIN oc ON oc.id = o.couple_id
      WHERE s.held >= oc.sessions_without_improvement AND o.total >= 2
        AND NOT EXISTS (SELECT 1 FROM worsening w WHERE w.couple_id = o.couple_id AND w.partner = o.partner)
        AND ${betterBy('o.latest', 'o.baseline', 'o.hib')} < coalesce(o.rci, oc.recent_drop)
    ),
    reasons AS (
      SELECT couple_id, 1 AS rank, partner, jsonb_build_object('kind', 'worsening', 'partner', partner,
               'from', "from", 'to', "to", 'basis', basis) AS reason FROM worsening
      UNION ALL
      SELECT w.couple_id, 2, 0, jsonb_build_object('kind', 'widening_gap', 'from', w."from", 'to', w."to")
      FROM widening w JOIN oc ON oc.id = w.couple_id WHERE w."to" - w."from" >= oc.gap_widening
      UNION ALL
      SELECT couple_id, 3, partner, jsonb_build_object('kind', 'low_check_out', 'partner', partner, 'score', score)
      FROM check_out
      UNION ALL
      SELECT couple_id, 4, partner, jsonb_build_object('kind', 'no_improvement', 'partner', partner,
               'sessions', sessions, 'from', "from", 'to', "to") FROM no_improvement
    )
    SELECT oc.id AS couple_id,
           coalesce(jsonb_agg(r.reason ORDER BY r.rank, r.partner) FILTER (WHERE r.reason IS NOT NULL), '[]'::jsonb)
             AS reasons
    FROM oc LEFT JOIN reasons r ON r.couple_id = oc.id
    GROUP BY oc.id`;
}
