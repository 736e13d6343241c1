import { DataSource } from 'typeorm';
import type { CaseloadRow, ListResponse, SessionUser } from '@trellis/contracts';
import { partnerRoleOf } from '@trellis/domain';
import { assignmentStateJoin } from '../assignments/assignment-state.sql';
import { CaseloadQueryDto, CaseloadSort } from './caseload-query.dto';
import { type SafetyConcernColumns, safetyConcernColumnsSql, safetyConcernOf } from '../safety/safety-concern.sql';

const SORT_COLUMNS: Record<CaseloadSort, string> = {
  nextSessionAt: 'c.next_session_at',
  lastActivityAt: 'c.last_activity_at',
  displayName: 'lower(c.display_name)',
};

interface Row extends SafetyConcernColumns {
  id: string;
  display_name: string;
  therapist_id: string;
  therapist_name: string;
  status: CaseloadRow['status'];
  next_session_at: Date | null;
  last_activity_at: Date;
  created_at: Date;
  partner1: string | null;
  partner2: string | null;
  phase: CaseloadRow['phase'];
  role1: string | null;
  role2: string | null;
  open_count: number;
  overdue_count: number;
  awaiting_review_count: number;
  total: number;
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * The caseload in one SQL statement: couples, partner names and homework counts (open, overdue,
 * awaiting review) per couple, filtered, sorted and paged, with the total as a window count.
 * The number of statements does not grow with the page size. Exported so the benchmark's raw-SQL
 * baseline runs exactly the same statement.
 */
export function buildCaseloadSql(user: Pick<SessionUser, 'id' | 'role' | 'clinicId'>, query: CaseloadQueryDto) {
  const params: unknown[] = [user.clinicId];
  const where: string[] = ['c.clinic_id = $1'];
  const add = (sql: (n: string) => string, value: unknown) => {
    params.push(value);
    where.push(sql(`$${params.length}`));
  };
  if (user.role !== 'admin') add((p) => `c.therapist_id = ${p}`, user.id);
  else if (query.therapistId) add((p) => `c.therapist_id = ${p}`, query.therapistId);
  if (!query.status) where.push(`c.status <> 'discharged'`);
  else if (query.status !== 'all') add((p) => `c.status = ${p}`, query.status);
  if (query.q?.trim()) {
    add(
      (p) =>
        `(c.display_name ILIKE ${p} OR EXISTS (SELECT 1 FROM client q WHERE q.couple_id = c.id AND (q.name ILIKE ${p} OR q.email ILIKE ${p})))`,
      `%${escapeLike(query.q.trim())}%`,
    );
  }
  const having: string[] = [];
  if (query.hasOverdue) having.push('overdue_count > 0');
  if (query.needsReview) having.push('awaiting_review_count > 0');

  params.push(query.perPage, (query.page - 1) * query.perPage);
  const limit = `$${params.length - 1}`;
  const offset = `$${params.length}`;
  const order = query.order === 'DESC' ? 'DESC' : 'ASC';

  const sortColumn = SORT_COLUMNS[query.sort];
  const columns = `c.id, c.display_name, c.therapist_id, su.name AS therapist_name, c.status, c.next_session_at,
              c.last_activity_at, c.created_at, p1.name AS partner1, p2.name AS partner2,
              c.phase, p1.role AS role1, p2.role AS role2,
              coalesce(h.open_count, 0)::int AS open_count,
              coalesce(h.overdue_count, 0)::int AS overdue_count,
              coalesce(h.awaiting_review_count, 0)::int AS awaiting_review_count,
              ${safetyConcernColumnsSql('c')}`;
  const joins = `JOIN staff_user su ON su.id = c.therapist_id
       LEFT JOIN client p1 ON p1.couple_id = c.id AND p1.position = 1
       LEFT JOIN client p2 ON p2.couple_id = c.id AND p2.position = 2
       LEFT JOIN LATERAL (
         SELECT count(*) FILTER (WHERE st.is_open) AS open_count,
                count(*) FILTER (WHERE st.is_overdue) AS overdue_count,
                count(*) FILTER (WHERE st.awaiting_review) AS awaiting_review_count
         FROM assignment x ${assignmentStateJoin('x')}
         WHERE x.couple_id = c.id AND x.cancelled_at IS NULL
       ) h ON true`;

  // Without a filter on the counts, the page is chosen from the couples alone (in index order) and
  // the counts are computed for its rows only: the cost follows the page size, not the caseload
  // (an admin's view of a 10,000-couple clinic counted every couple's homework for each page).
  const sql =
    having.length === 0
      ? `WITH page AS (
         SELECT c.*, count(*) OVER ()::int AS total
         FROM couple c
         WHERE ${where.join(' AND ')}
         ORDER BY ${sortColumn} ${order} NULLS LAST, c.id
         LIMIT ${limit} OFFSET ${offset}
       )
       SELECT ${columns}, c.total
       FROM page c
       ${joins}
       ORDER BY ${sortColumn} ${order} NULLS LAST, c.id`
      : `WITH counted AS (
         SELECT ${columns}
         FROM couple c
         ${joins}
         WHERE ${where.join(' AND ')}
       )
       SELECT counted.*, count(*) OVER ()::int AS total
       FROM counted
       WHERE ${having.join(' AND ')}
       ORDER BY ${sortColumn.replace('c.', 'counted.')} ${order} NULLS LAST, counted.id
       LIMIT ${limit} OFFSET ${offset}`;
  return { sql, params, where, having };
}

/** Runs the caseload statement and maps its rows. */
export async function queryCaseload(
  db: DataSource,
  user: SessionUser,
  query: CaseloadQueryDto,
): Promise<ListResponse<CaseloadRow>> {
  const { sql, params, where, having } = buildCaseloadSql(user, query);
  const rows: Row[] = await db.query(sql, params);
  let total = rows[0]?.total ?? 0;
  if (rows.length === 0 && query.page > 1) {
    // Past the last page the window count has no row to ride on: count separately (rare).
    const [{ n }] = await db.query(
      `SELECT count(*)::int AS n FROM (SELECT 1 FROM couple c WHERE ${where.join(' AND ')}) t`,
      params.slice(0, params.length - 2),
    );
    total = having.length ? total : n;
  }
  return {
    data: rows.map((r) => ({
      id: r.id,
      displayName: r.display_name,
      therapistId: r.therapist_id,
      therapistName: r.therapist_name,
      status: r.status,
      nextSessionAt: r.next_session_at?.toISOString() ?? null,
      lastActivityAt: r.last_activity_at.toISOString(),
      createdAt: r.created_at.toISOString(),
      partnerNames: [r.partner1 ?? '', r.partner2 ?? ''],
      phase: r.phase,
      partnerRoles: [partnerRoleOf(r.role1), partnerRoleOf(r.role2)],
      safetyConcern: safetyConcernOf(r),
      openCount: r.open_count,
      overdueCount: r.overdue_count,
      awaitingReviewCount: r.awaiting_review_count,
    })),
    total,
  };
}
