import { ENGAGEMENT_WINDOW } from '@trellis/domain';

/**
 * The SQL twin of `partnerEngagement` in libs/domain: the one place SQL decides what a partner
 * missed, in a row and in the last few, and when they were last active. The home screen's
 * "Check in with …" tasks, the couple page and the gentler reminder build on it;
 * `engagement.e2e-spec.ts` runs one table of generated cases through this and the TypeScript and
 * asserts they agree.
 *
 * Columns of the joined row (`alias`): counted, missed, on_time_rate (float8, null when nothing
 * is settled), missed_in_a_row, last_active_at, days_since_active (null when never active).
 */
export interface EngagementColumns {
  counted: number;
  missed: number;
  on_time_rate: number | null;
  missed_in_a_row: number;
  last_active_at: Date | string | null;
  days_since_active: number | null;
}

/**
 * A `LEFT JOIN LATERAL` giving the engagement of the partner whose client id is the SQL
 * expression `clientId`, at `now` (an SQL expression: `now()` in the product). Reads the
 * partner's homework_response rows (homework_response_client_idx) and their assignments.
 */
export function engagementJoin(clientId: string, alias = 'eg', now = 'now()', window = ENGAGEMENT_WINDOW): string {
  return `LEFT JOIN LATERAL (
    WITH mine AS (
      -- Aliases of its own: the caller's r or a must not be shadowed inside.
      SELECT eg_a.id, eg_a.kind, eg_a.cancelled_at, eg_a.due_at,
             eg_r.submitted_at, eg_r.link_opened_at, eg_r.started_at, eg_r.last_saved_at
      FROM homework_response eg_r JOIN assignment eg_a ON eg_a.id = eg_r.assignment_id
      WHERE eg_r.client_id = ${clientId}
    ),
    settled AS (
      -- Newest due date first: the window and the run of misses both start there.
      SELECT row_number() OVER (ORDER BY due_at DESC, id DESC) AS n,
             (submitted_at IS NOT NULL AND submitted_at <= due_at) AS on_time
      FROM mine
      WHERE kind = 'homework' AND cancelled_at IS NULL AND (due_at <= ${now} OR submitted_at IS NOT NULL)
    ),
    summary AS (
      SELECT count(*) FILTER (WHERE n <= ${window})::int AS counted,
             count(*) FILTER (WHERE n <= ${window} AND NOT on_time)::int AS missed,
             coalesce(min(n) FILTER (WHERE on_time) - 1, count(*))::int AS missed_in_a_row
      FROM settled
    ),
    touched AS (
      -- Any response of theirs, whatever its kind or state: greatest() skips the nulls.
      SELECT max(greatest(link_opened_at, started_at, last_saved_at, submitted_at)) AS last_active_at FROM mine
    )
    SELECT s.counted, s.missed,
           CASE WHEN s.counted > 0 THEN (s.counted - s.missed)::float8 / s.counted END AS on_time_rate,
           s.missed_in_a_row, t.last_active_at,
           floor((extract(epoch FROM ${now}) - extract(epoch FROM t.last_active_at)) / 86400)::int AS days_since_active
    FROM summary s CROSS JOIN touched t
  ) ${alias} ON true`;
}

/** The clinic's engagement thresholds as SQL expressions (the clinic row aliased `k`). */
export function clinicEngagementSettings(k: string): { gentleAfter: string; taskAfter: string } {
  return { gentleAfter: `${k}.gentle_reminder_after_misses`, taskAfter: `${k}.engagement_task_after_misses` };
}

/** `wantsGentleReminder` / `needsCheckIn` in SQL: a threshold of 0 is off. */
export const reachedThreshold = (missedInARow: string, threshold: string) =>
  `(${threshold} > 0 AND ${missedInARow} >= ${threshold})`;
