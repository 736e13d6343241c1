import { isDeepStrictEqual } from 'node:util';
import { DataSource } from 'typeorm';
import { type OffTrackInput, offTrackReasons, type PartnerScores, type ScorePoint } from '@trellis/domain';
import { offTrackJoin } from '../../libs/features/src/measures/off-track.sql';
import { connectTestDatabase } from '../support/test-database';

const DAY = 24 * 3600 * 1000;
const FIRST_WEEK = Date.UTC(2026, 9, 1, 18);

interface Case {
  input: OffTrackInput;
  timezone: string;
}

/** A partner's weekly scores from FIRST_WEEK; null skips that week (the other partner may answer it). */
function weeks(scores: readonly (number | null)[], offsetDays = 0): ScorePoint[] {
  return scores.flatMap((score, i) =>
    score === null
      ? []
      : [{ occurrence: `week-${i}`, at: new Date(FIRST_WEEK + (7 * i + offsetDays) * DAY).toISOString(), score }],
  );
}

const SETTINGS = { recentDrop: 5, gapWidening: 6, lowCheckOut: 6, sessionsWithoutImprovement: 6 };
const CHECK_IN = { higherIsBetter: true, reliableChange: null };
const WITH_RCI = { higherIsBetter: true, reliableChange: 8 };
const DISTRESS = { higherIsBetter: false, reliableChange: 5 };

const outcome = (measure: PartnerScores['measure'], a: (number | null)[], b: (number | null)[]): PartnerScores => ({
  measure,
  partners: [weeks(a), weeks(b)],
});
const checkOut = (a: (number | null)[], b: (number | null)[], higherIsBetter = true): PartnerScores => ({
  measure: { higherIsBetter, reliableChange: null },
  partners: [weeks(a, 1), weeks(b, 1)],
});

function input(overrides: Partial<OffTrackInput>): Case {
  return {
    timezone: 'UTC',
    input: { outcome: null, checkOut: null, sessionsSinceBaseline: 0, settings: SETTINGS, ...overrides },
  };
}

/** The cases worked out by hand: each reason on and just off its line, both directions, skipped weeks. */
const NAMED: Case[] = [
  input({ outcome: outcome(CHECK_IN, [30, 31, 32], [29, 30, 31]) }),
  input({ outcome: outcome(CHECK_IN, [30, 10], [30]) }),
  input({ outcome: outcome(CHECK_IN, [40, 38, 36, 33], [30, 31, 32, 33]) }),
  input({ outcome: outcome(CHECK_IN, [50, 38, 36, 34], [30, 31, 32, 33]) }),
  input({ outcome: outcome(CHECK_IN, [40, 38, 36, 33.5], [30, 31, 32, 33]) }),
  input({ outcome: outcome(WITH_RCI, [30, 29, 26, 22], [30, 28, 25, 23]) }),
  input({ outcome: outcome(DISTRESS, [10, 12, 15], [10, 11, 12]) }),
  input({ outcome: outcome(CHECK_IN, [30, 30, 32, 33], [28, 26, 25, 23]) }),
  input({ outcome: outcome(CHECK_IN, [30, 30, 33, 34], [29, null, 28, 27]) }),
  input({ outcome: outcome(CHECK_IN, [30, 30, 33, 34], [29, null, null, 27]) }),
  input({ outcome: outcome(CHECK_IN, [40, 40, 40], [20, 20, 21]) }),
  input({ outcome: outcome(CHECK_IN, [40, 38, 36], [20, 26, 33]) }),
  input({ checkOut: checkOut([4, 8], [9, 5.75]) }),
  input({ checkOut: checkOut([2, 6], [3, 7]) }),
  input({ checkOut: checkOut([2, 5], [3, 7], false) }),
  input({ outcome: outcome(WITH_RCI, [20, 22, 25, 27], [20, 24, 27, 29]), sessionsSinceBaseline: 6 }),
  input({ outcome: outcome(WITH_RCI, [20, 22, 25, 27], [20, 24, 27, 29]), sessionsSinceBaseline: 5 }),
  input({ outcome: outcome(CHECK_IN, [20, 21, 24], [20, 22, 25]), sessionsSinceBaseline: 8 }),
  input({ outcome: outcome(WITH_RCI, [30, 26, 22], [20, 25, 29]), sessionsSinceBaseline: 10 }),
  input({
    outcome: outcome(CHECK_IN, [40, 40, 40, 40], [38, 36, 34, 30]),
    checkOut: checkOut([3], [9]),
    sessionsSinceBaseline: 7,
  }),
  // The clinic's day decides which notes count: 18:00 UTC is the next morning in Auckland.
  {
    ...input({ outcome: outcome(CHECK_IN, [20, 21, 22], [20, 22, 25]), sessionsSinceBaseline: 6 }),
    timezone: 'Pacific/Auckland',
  },
  {
    ...input({
      outcome: outcome(CHECK_IN, [20, 21, 22], [20, 22, 25]),
      sessionsSinceBaseline: 3,
      settings: { recentDrop: 2.5, gapWidening: 1.5, lowCheckOut: 8, sessionsWithoutImprovement: 3 },
    }),
    timezone: 'America/Los_Angeles',
  },
];

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

/** Random couples: scores in half points (exact in both binary floating point and numeric). */
function generated(count: number, seed: number): Case[] {
  const next = random(seed);
  const int = (n: number) => Math.floor(next() * n);
  const half = (max: number) => int(max * 2 + 1) / 2;
  const series = (length: number, max: number) => Array.from({ length }, () => (next() < 0.15 ? null : half(max)));
  return Array.from({ length: count }, () => {
    const length = int(8);
    const measure = {
      higherIsBetter: next() < 0.7,
      reliableChange: next() < 0.5 ? null : half(10) + 0.5,
    };
    return {
      timezone: ['UTC', 'Europe/London', 'Pacific/Auckland'][int(3)],
      input: {
        outcome: next() < 0.85 ? outcome(measure, series(length, 50), series(length, 50)) : null,
        checkOut: next() < 0.5 ? checkOut(series(int(4), 10), series(int(4), 10), next() < 0.8) : null,
        sessionsSinceBaseline: int(10),
        settings: {
          recentDrop: half(8) + 0.5,
          gapWidening: half(8) + 0.5,
          lowCheckOut: half(10),
          sessionsWithoutImprovement: 1 + int(8),
        },
      },
    };
  });
}

describe('one definition of off track: the SQL twin agrees with the domain', () => {
  let db: DataSource;

  beforeAll(async () => {
    db = await connectTestDatabase();
  });
  afterAll(async () => {
    await db.destroy();
  });

  /**
   * The cases go in as CTEs named like the real tables, so the fragment runs exactly as written.
   * Each case also gets rows the rule must ignore: an unscored response, an addendum, a note from
   * before the baseline and an older outcome measure the couple stopped using.
   */
  async function runSql(cases: Case[]): Promise<unknown[][]> {
    const couples: object[] = [];
    const clients: object[] = [];
    const measures: object[] = [];
    const versions: object[] = [];
    const responses: object[] = [];
    const notes: object[] = [];
    let responseId = 0;
    cases.forEach(({ input, timezone }, i) => {
      const { settings } = input;
      couples.push({
        id: i,
        recent_drop: settings.recentDrop,
        gap_widening: settings.gapWidening,
        low_check_out: settings.lowCheckOut,
        sessions_without_improvement: settings.sessionsWithoutImprovement,
        timezone,
      });
      clients.push({ id: i * 10 + 1, position: 1 }, { id: i * 10 + 2, position: 2 });
      const scored = [
        { kind: 'outcome', scores: input.outcome, id: i * 10 + 1 },
        { kind: 'alliance', scores: input.checkOut, id: i * 10 + 2 },
      ];
      // An outcome measure the couple answered before the current one: not the one followed.
      measures.push({ id: i * 10 + 3, kind: 'outcome', current_version: 1 });
      versions.push({ measure_id: i * 10 + 3, version: 1, definition: { higherIsBetter: false, reliableChange: 1 } });
      for (const partner of [1, 2]) {
        responses.push({
          id: (responseId += 1),
          couple_id: i,
          client_id: i * 10 + partner,
          measure_id: i * 10 + 3,
          occurrence: 'long-ago',
          score: 40,
          submitted_at: new Date(FIRST_WEEK - 300 * DAY).toISOString(),
        });
      }
      for (const { kind, scores, id } of scored) {
        if (!scores) continue;
        measures.push({ id, kind, current_version: 2 });
        // Version 1 ran the other way: only the current version's direction counts.
        versions.push(
          { measure_id: id, version: 1, definition: { higherIsBetter: !scores.measure.higherIsBetter } },
          { measure_id: id, version: 2, definition: scores.measure },
        );
        scores.partners.forEach((points, p) => {
          for (const point of points) {
            responses.push({
              id: (responseId += 1),
              couple_id: i,
              client_id: i * 10 + p + 1,
              measure_id: id,
              occurrence: point.occurrence,
              score: point.score,
              submitted_at: point.at,
            });
          }
          // Too many skipped items: no score, so not a check-in the rule reads.
          responses.push({
            id: (responseId += 1),
            couple_id: i,
            client_id: i * 10 + p + 1,
            measure_id: id,
            occurrence: 'unscored',
            score: null,
            submitted_at: new Date(FIRST_WEEK + 400 * DAY).toISOString(),
          });
        });
      }
      // Sessions on the baseline's day (in the clinic's zone) and after; an addendum and an earlier session do not count.
      const points = input.outcome?.partners.flat() ?? [];
      if (points.length > 0) {
        const since = Math.min(...points.map((p) => new Date(p.at).getTime()));
        const day = new Intl.DateTimeFormat('en-CA', { timeZone: timezone }).format(new Date(since));
        for (let s = 0; s < input.sessionsSinceBaseline; s += 1) {
          notes.push({ couple_id: i, session_date: day, days: s * 7, addendum_to: null });
        }
        notes.push({ couple_id: i, session_date: day, days: 0, addendum_to: 1 });
        notes.push({ couple_id: i, session_date: day, days: -1, addendum_to: null });
      }
    });
    const rows: { id: number; reasons: unknown[] }[] = await db.query(
      `WITH couple AS (
         SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(id int, recent_drop numeric, gap_widening numeric,
           low_check_out numeric, sessions_without_improvement int, timezone text)),
       client AS (SELECT * FROM jsonb_to_recordset($2::jsonb) AS x(id int, position int)),
       measure AS (SELECT * FROM jsonb_to_recordset($3::jsonb) AS x(id int, kind text, current_version int)),
       measure_version AS (
         SELECT * FROM jsonb_to_recordset($4::jsonb) AS x(measure_id int, version int, definition jsonb)),
       measure_response AS (
         SELECT * FROM jsonb_to_recordset($5::jsonb) AS x(id int, couple_id int, client_id int, measure_id int,
           occurrence text, score numeric(8, 2), submitted_at timestamptz)),
       session_note AS (
         SELECT couple_id, session_date + days AS session_date, addendum_to
         FROM jsonb_to_recordset($6::jsonb) AS x(couple_id int, session_date date, days int, addendum_to int))
       SELECT c.id, ot.reasons
       FROM couple c
       ${offTrackJoin('c', {
         recentDrop: 'c.recent_drop',
         gapWidening: 'c.gap_widening',
         lowCheckOut: 'c.low_check_out',
         sessionsWithoutImprovement: 'c.sessions_without_improvement',
         timezone: 'c.timezone',
       })}
       ORDER BY c.id`,
      [couples, clients, measures, versions, responses, notes].map((rows) => JSON.stringify(rows)),
    );
    return rows.map((row) => row.reasons);
  }

  const cases = [...NAMED, ...generated(400, 17)];

  it(`gives the same reasons, in the same order, in ${cases.length} cases`, async () => {
    const sql = await runSql(cases);
    expect(sql).toHaveLength(cases.length);
    const disagreements = cases.flatMap((c, i) => {
      const expected = offTrackReasons(c.input);
      // Deep equality, not JSON text: jsonb does not keep the order of an object's keys.
      return isDeepStrictEqual(expected, sql[i]) ? [] : [{ case: c, expected, actual: sql[i] }];
    });
    expect(disagreements).toEqual([]);
    // The table reaches every reason, so agreeing is not agreeing on "nothing".
    const kinds = new Set(cases.flatMap((c) => offTrackReasons(c.input).map((r) => `${r.kind}`)));
    expect([...kinds].sort()).toEqual(['low_check_out', 'no_improvement', 'widening_gap', 'worsening']);
    expect(cases.filter((c) => offTrackReasons(c.input).length === 0).length).toBeGreaterThan(20);
  });
});
