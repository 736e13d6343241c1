import { OPEN_ASSIGNMENT_STATUSES } from '@trellis/domain';

/**
 * The SQL twin of `deriveAssignmentState` in libs/domain: the one place SQL decides an
 * assignment's status, whether it is open, overdue or awaiting review, and when it was completed.
 * The caseload, the home screen and the reminder rule all build on it; `assignment-state.e2e-spec.ts`
 * feeds the same table of cases through this and the TypeScript and asserts they agree.
 *
 * The open statuses come from the domain constant, so the two cannot drift on that list.
 */
const OPEN_STATUSES_SQL = `(${OPEN_ASSIGNMENT_STATUSES.map((s) => `'${s}'`).join(', ')})`;

/**
 * A `CROSS JOIN LATERAL` giving, for the assignment aliased `a`, one row `alias` with columns
 * `status`, `is_open`, `is_overdue`, `awaiting_review` and `completed_at`. It reads the
 * assignment's `cancelled_at`, `reviewed_at` and `due_at` and its rows in `homework_response`.
 * Precedence as in the domain: cancelled, reviewed, completed, partly submitted, in progress, assigned.
 */
export function assignmentStateJoin(a: string, alias = 'st'): string {
  return `CROSS JOIN LATERAL (
    SELECT s.status,
           s.status IN ${OPEN_STATUSES_SQL} AS is_open,
           s.status IN ${OPEN_STATUSES_SQL} AND coalesce(${a}.due_at < now(), false) AS is_overdue,
           s.status = 'completed' AS awaiting_review,
           s.completed_at
    FROM (
      SELECT CASE
               WHEN ${a}.cancelled_at IS NOT NULL THEN 'cancelled'
               WHEN ${a}.reviewed_at IS NOT NULL THEN 'reviewed'
               WHEN n.responses > 0 AND n.submitted = n.responses THEN 'completed'
               WHEN n.submitted > 0 THEN 'partly_submitted'
               WHEN n.started > 0 THEN 'in_progress'
               ELSE 'assigned'
             END AS status,
             CASE WHEN n.responses > 0 AND n.submitted = n.responses THEN n.last_submitted_at END AS completed_at
      FROM (
        SELECT count(*) AS responses, count(r.submitted_at) AS submitted, count(r.started_at) AS started,
               max(r.submitted_at) AS last_submitted_at
        FROM homework_response r WHERE r.assignment_id = ${a}.id
      ) n
    ) s
  ) ${alias}`;
}

/**
 * One partner's part is still open (the twin of `isResponseOpen`): response `r` not submitted, and
 * its assignment `a` neither cancelled nor reviewed. With `r` unsubmitted the assignment cannot be
 * completed, so this is exactly "r unsubmitted and the assignment's status is open", without the
 * per-assignment aggregate (it runs for every reminder).
 */
export function responseOpenSql(r: string, a: string): string {
  return `(${r}.submitted_at IS NULL AND ${a}.cancelled_at IS NULL AND ${a}.reviewed_at IS NULL)`;
}
