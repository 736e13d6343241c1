import { isDeepStrictEqual } from 'node:util';
import { DataSource } from 'typeorm';
import { partnerEngagement, type PartnerAssignmentRecord } from '@trellis/domain';
import { engagementJoin } from '../../libs/features/src/engagement/engagement.sql';
import { connectTestDatabase } from '../support/test-database';

const DAY = 24 * 3600 * 1000;
const NOW = Date.UTC(2026, 11, 5, 12, 0, 0, 250);

interface Case {
  records: PartnerAssignmentRecord[];
  now: number;
}

/** A small deterministic generator (mulberry32), so a disagreement reproduces. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const uuid = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

/**
 * Random partners: homework due over the past ten weeks and the next two, submitted early, on the
 * dot, late or never; cancelled ones, other kinds, ties on the due date (ids out of order), and
 * activity timestamps scattered around them (in whole milliseconds, as both sides hold them).
 */
function generated(count: number, seed: number): Case[] {
  const next = random(seed);
  const int = (n: number) => Math.floor(next() * n);
  let id = 0;
  return Array.from({ length: count }, () => {
    const now = NOW - int(3) * 3_600_123;
    const length = int(9);
    const dues = Array.from({ length }, () => now + (int(84) - 70) * DAY + int(3) * 3_600_000 * (next() < 0.3 ? 0 : 1));
    if (length > 1 && next() < 0.3) dues[1] = dues[0]; // a tie: the id decides
    const records = dues.map((due): PartnerAssignmentRecord => {
      id += 1 + int(5);
      const roll = next();
      const submitted =
        roll < 0.35
          ? null
          : roll < 0.45
            ? due
            : roll < 0.7
              ? due - int(5 * DAY)
              : roll < 0.85
                ? due + 1 + int(4 * DAY)
                : due + 1;
      const maybe = (offset: number) => (next() < 0.5 ? null : new Date(due - offset).toISOString());
      return {
        // Unique across cases; half of them count down, so ties on the due date go either way.
        id: uuid(next() < 0.5 ? id : 0x800000000 - id),
        kind: next() < 0.85 ? 'homework' : 'safety_check_in',
        cancelled: next() < 0.1,
        dueAt: new Date(due).toISOString(),
        // Never in the future: the database cannot hold a submission that has not happened yet.
        submittedAt: submitted === null || submitted > now ? null : new Date(submitted).toISOString(),
        openedAt: maybe(int(6 * DAY)),
        startedAt: maybe(int(3 * DAY)),
        savedAt: maybe(int(2 * DAY) - DAY),
      };
    });
    return { records, now };
  });
}

const NAMED: Case[] = [
  { records: [], now: NOW },
  // Three misses then an on-time one; the last four say "missed 3 of 4".
  {
    now: NOW,
    records: [10, 20, 30, 40].map((days, i) => ({
      id: uuid(0xf00000000 + i),
      kind: 'homework',
      cancelled: false,
      dueAt: new Date(NOW - days * DAY).toISOString(),
      submittedAt: days === 40 ? new Date(NOW - 41 * DAY).toISOString() : null,
      openedAt: null,
      startedAt: null,
      savedAt: days === 10 ? new Date(NOW - 3 * DAY - 1).toISOString() : null,
    })),
  },
];

describe('one definition of engagement: the SQL twin agrees with the domain', () => {
  let db: DataSource;

  beforeAll(async () => {
    db = await connectTestDatabase();
  });
  afterAll(async () => {
    await db.destroy();
  });

  /** The cases go in as CTEs named like the real tables, so the fragment runs exactly as written. */
  async function runSql(cases: Case[]): Promise<object[]> {
    const clients = cases.map((c, i) => ({ id: i, now: new Date(c.now).toISOString() }));
    const assignments: object[] = [];
    const responses: object[] = [];
    cases.forEach((c, i) =>
      c.records.forEach((r) => {
        assignments.push({
          id: r.id,
          kind: r.kind,
          cancelled_at: r.cancelled ? r.dueAt : null,
          due_at: r.dueAt,
          client: i,
        });
        responses.push({
          assignment_id: r.id,
          client_id: i,
          submitted_at: r.submittedAt,
          link_opened_at: r.openedAt,
          started_at: r.startedAt,
          last_saved_at: r.savedAt,
        });
      }),
    );
    const rows: (object & { id: number; last_active_at: Date | null })[] = await db.query(
      `WITH client AS (SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(id int, now timestamptz)),
       assignment AS (
         SELECT * FROM jsonb_to_recordset($2::jsonb) AS x(id uuid, kind text, cancelled_at timestamptz,
           due_at timestamptz, client int)),
       homework_response AS (
         SELECT * FROM jsonb_to_recordset($3::jsonb) AS x(assignment_id uuid, client_id int, submitted_at timestamptz,
           link_opened_at timestamptz, started_at timestamptz, last_saved_at timestamptz))
       SELECT cl.id, eg.counted, eg.missed, eg.on_time_rate, eg.missed_in_a_row, eg.last_active_at, eg.days_since_active
       FROM client cl
       -- Each partner's own assignments only: the ids are unique per case, not across them.
       ${engagementJoin('cl.id', 'eg', 'cl.now')}
       ORDER BY cl.id`,
      [clients, assignments, responses].map((rows) => JSON.stringify(rows)),
    );
    return rows.map(({ id: _id, last_active_at, ...rest }) => ({
      ...rest,
      lastActiveAt: last_active_at === null ? null : new Date(last_active_at).toISOString(),
    }));
  }

  const cases = [...NAMED, ...generated(600, 29)];

  it(`gives the same counts, run of misses and last activity in ${cases.length} cases`, async () => {
    const sql = await runSql(cases);
    expect(sql).toHaveLength(cases.length);
    const disagreements = cases.flatMap((c, i) => {
      const e = partnerEngagement(c.records, c.now);
      const expected = {
        counted: e.counted,
        missed: e.missed,
        on_time_rate: e.onTimeRate,
        missed_in_a_row: e.missedInARow,
        days_since_active: e.daysSinceActive,
        lastActiveAt: e.lastActiveAt,
      };
      return isDeepStrictEqual(expected, sql[i]) ? [] : [{ case: c, expected, actual: sql[i] }];
    });
    expect(disagreements.slice(0, 3)).toEqual([]);
    // The table reaches every interesting value, so agreeing is not agreeing on "nothing".
    const results = cases.map((c) => partnerEngagement(c.records, c.now));
    for (const run of [0, 1, 2, 3, 4]) expect(results.some((e) => e.missedInARow === run)).toBe(true);
    expect(results.some((e) => e.missedInARow > e.counted)).toBe(true);
    expect(results.some((e) => e.onTimeRate === 1)).toBe(true);
    expect(results.some((e) => e.onTimeRate === null)).toBe(true);
    expect(results.some((e) => e.daysSinceActive === null)).toBe(true);
    expect(results.some((e) => (e.daysSinceActive ?? 0) > 7)).toBe(true);
  });
});
