import { isDeepStrictEqual } from 'node:util';
import { DataSource } from 'typeorm';
import {
  coupleSessionDays,
  localDateOf,
  type NoteDayRecord,
  type OffTrackInput,
  offTrackReasons,
  type PartnerScores,
  type ScheduleStatus,
  type ScorePoint,
  type SessionDayRecord,
  sessionsSinceBaseline,
} from '@trellis/domain';
import { offTrackReasonsSql } from '../../libs/features/src/measures/off-track.sql';
import { connectTestDatabase } from '../support/test-database';

const DAY = 24 * 3600 * 1000;
const HOUR = 3600 * 1000;
const FIRST_WEEK = Date.UTC(2026, 9, 1, 18);

/**
 * One couple: its check-ins and the clinic's settings (`input`), and its sessions and notes, from
 * which both twins work out the sessions held since the baseline. `input.sessionsSinceBaseline`
 * is the count worked out by hand for the named cases (the domain's count is pinned to it) and
 * is replaced by the domain's count before the rule runs.
 */
interface Case {
  input: OffTrackInput;
  timezone: string;
  sessions: SessionDayRecord[];
  notes: NoteDayRecord[];
}

/** The day `days` after a YYYY-MM-DD date. */
const plusDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);

/** The day of the couple's first outcome check-in, on the clinic's clock. */
function baselineDay(outcome: PartnerScores | null, timezone: string): string | null {
  const points = outcome?.partners.flat() ?? [];
  if (points.length === 0) return null;
  return localDateOf(Math.min(...points.map((p) => new Date(p.at).getTime())), timezone);
}

/**
 * Notes the way the couples had sessions before sessions were records: one a week from the
 * baseline's day, plus an addendum and a session the day before the baseline, which do not count.
 */
function notesOnly(outcome: PartnerScores | null, timezone: string, sessions: number): NoteDayRecord[] {
  const day = baselineDay(outcome, timezone);
  if (day === null) return [];
  return [
    ...Array.from({ length: sessions }, (_, s) => ({ sessionDate: plusDays(day, 7 * s), addendum: false })),
    { sessionDate: day, addendum: true },
    { sessionDate: plusDays(day, -1), addendum: false },
  ];
}

/** The count both twins use: the domain's definition of session days since the baseline. */
const sessionsOf = (c: Case) =>
  sessionsSinceBaseline(coupleSessionDays(c.sessions, c.notes, c.timezone), c.input.outcome, c.timezone);

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

/** A case whose sessions are only notes, `sessionsSinceBaseline` of them since the baseline. */
function input(overrides: Partial<OffTrackInput>, timezone = 'UTC'): Case {
  const full = { outcome: null, checkOut: null, sessionsSinceBaseline: 0, settings: SETTINGS, ...overrides };
  return { timezone, input: full, sessions: [], notes: notesOnly(full.outcome, timezone, full.sessionsSinceBaseline) };
}

/** A session record at an instant. */
const session = (at: number | string, status: ScheduleStatus = 'held'): SessionDayRecord => ({
  startsAt: new Date(at).toISOString(),
  status,
});
/** Weekly held sessions from the baseline week's check-in time plus `hours` (negative: earlier that day). */
const weeklySessions = (count: number, hours = -3, status: ScheduleStatus = 'held') =>
  Array.from({ length: count }, (_, s) => session(FIRST_WEEK + s * 7 * DAY + hours * HOUR, status));
/** The note of each held session, dated its day on the clinic's clock. */
const notesOf = (sessions: SessionDayRecord[], timezone: string): NoteDayRecord[] =>
  sessions.map((s) => ({ sessionDate: localDateOf(new Date(s.startsAt).getTime(), timezone), addendum: false }));

/** No improvement for either partner by the reliable change, so the session count alone decides. */
const FLAT = () => outcome(WITH_RCI, [20, 22, 25, 27], [20, 24, 27, 29]);

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
  input({ outcome: outcome(CHECK_IN, [20, 21, 22], [20, 22, 25]), sessionsSinceBaseline: 6 }, 'Pacific/Auckland'),
  input(
    {
      outcome: outcome(CHECK_IN, [20, 21, 22], [20, 22, 25]),
      sessionsSinceBaseline: 3,
      settings: { recentDrop: 2.5, gapWidening: 1.5, lowCheckOut: 8, sessionsWithoutImprovement: 3 },
    },
    'America/Los_Angeles',
  ),
  // Held sessions without notes count, as many as notes would.
  { ...input({ outcome: FLAT(), sessionsSinceBaseline: 6 }), notes: [], sessions: weeklySessions(6) },
  { ...input({ outcome: FLAT(), sessionsSinceBaseline: 5 }), notes: [], sessions: weeklySessions(5) },
  // Cancelled, no-show and never-recorded sessions are not sessions held: 4 of 8, not enough.
  {
    ...input({ outcome: FLAT(), sessionsSinceBaseline: 4 }),
    notes: [],
    sessions: [
      ...weeklySessions(4),
      ...weeklySessions(2, -2, 'cancelled'),
      session(FIRST_WEEK + 30 * DAY, 'no_show'),
      session(FIRST_WEEK + 40 * DAY, 'scheduled'),
      session(FIRST_WEEK + 45 * DAY, 'cancelled'),
    ],
  },
  // A held session and its note are one session: 3 (not 6) below the line of 6…
  {
    ...input({ outcome: FLAT(), sessionsSinceBaseline: 3 }),
    sessions: weeklySessions(3),
    notes: [...notesOf(weeklySessions(3), 'UTC'), { sessionDate: '2026-10-01', addendum: true }],
  },
  // …and 5 held sessions with their notes plus a note from before sessions were records reach it.
  {
    ...input({ outcome: FLAT(), sessionsSinceBaseline: 6 }),
    sessions: weeklySessions(5, 1),
    notes: [...notesOf(weeklySessions(5, 1), 'UTC'), { sessionDate: '2026-11-20', addendum: false }],
  },
  // A cancelled session's day still counts when a note says a session happened on it.
  {
    ...input({ outcome: FLAT(), sessionsSinceBaseline: 6 }),
    sessions: [...weeklySessions(5), session(FIRST_WEEK + 40 * DAY, 'cancelled')],
    notes: [{ sessionDate: '2026-11-10', addendum: false }],
  },
  // The session's day is the clinic's: 02:00 UTC on 1 October is still 30 September in Los
  // Angeles, before the baseline (11:00 there on 1 October); 20:00 UTC on 1 October counts.
  {
    ...input({ outcome: FLAT(), sessionsSinceBaseline: 6 }, 'America/Los_Angeles'),
    notes: [],
    sessions: [session('2026-10-01T02:00:00Z'), session('2026-10-01T20:00:00Z'), ...weeklySessions(5, 7 * 24)],
  },
  {
    ...input({ outcome: FLAT(), sessionsSinceBaseline: 5 }, 'America/Los_Angeles'),
    notes: [],
    sessions: [session('2026-10-01T02:00:00Z'), ...weeklySessions(5, 7 * 24)],
  },
  // In Auckland the baseline is 07:00 on 2 October: a session at 00:30 that day counts, one at
  // 23:30 the day before does not; a note on a held session's day is that session, counted once.
  {
    ...input({ outcome: FLAT(), sessionsSinceBaseline: 6 }, 'Pacific/Auckland'),
    sessions: [session('2026-10-01T10:30:00Z'), session('2026-10-01T11:30:00Z'), ...weeklySessions(5, 7 * 24 + 9)],
    notes: [{ sessionDate: '2026-10-09', addendum: false }],
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
    const timezone = ['UTC', 'Europe/London', 'Pacific/Auckland', 'America/Los_Angeles'][int(4)];
    // Sessions from two weeks before the first check-in to ten weeks after, at any hour (so some
    // fall on another day on the clinic's clock), most held; some with their note, some notes alone.
    const statuses: ScheduleStatus[] = ['held', 'held', 'held', 'cancelled', 'no_show', 'scheduled'];
    const sessions = Array.from({ length: int(12) }, () =>
      session(FIRST_WEEK + (int(84) - 14) * DAY + (int(48) - 24) * HOUR, statuses[int(statuses.length)]),
    );
    const notes: NoteDayRecord[] = [
      ...notesOf(
        sessions.filter(() => next() < 0.4),
        timezone,
      ),
      ...Array.from({ length: int(5) }, () => ({
        sessionDate: plusDays('2026-10-01', int(84) - 14),
        addendum: next() < 0.2,
      })),
    ];
    return {
      timezone,
      sessions,
      notes,
      input: {
        outcome: next() < 0.85 ? outcome(measure, series(length, 50), series(length, 50)) : null,
        checkOut: next() < 0.5 ? checkOut(series(int(4), 10), series(int(4), 10), next() < 0.8) : null,
        // Worked out from the sessions and notes by the domain (sessionsOf).
        sessionsSinceBaseline: 0,
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
   * Each case also gets rows the rule must ignore: an unscored response and an older outcome
   * measure the couple stopped using (and, in the note-only cases, an addendum and a note from
   * before the baseline).
   */
  async function runSql(cases: Case[]): Promise<unknown[][]> {
    const couples: object[] = [];
    const clients: object[] = [];
    const measures: object[] = [];
    const versions: object[] = [];
    const responses: object[] = [];
    const notes: object[] = [];
    const sessions: object[] = [];
    let responseId = 0;
    cases.forEach(({ input, timezone, sessions: held, notes: noted }, i) => {
      const { settings } = input;
      couples.push({
        id: i,
        recent_drop: settings.recentDrop,
        gap_widening: settings.gapWidening,
        low_check_out: settings.lowCheckOut,
        sessions_without_improvement: settings.sessionsWithoutImprovement,
        timezone,
      });
      clients.push({ id: i * 10 + 1, couple_id: i, position: 1 }, { id: i * 10 + 2, couple_id: i, position: 2 });
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
      for (const s of held) sessions.push({ couple_id: i, starts_at: s.startsAt, status: s.status });
      for (const n of noted)
        notes.push({ couple_id: i, session_date: n.sessionDate, addendum_to: n.addendum ? 1 : null });
    });
    const rows: { id: number; reasons: unknown[] }[] = await db.query(
      `WITH couple AS (
         SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(id int, recent_drop numeric, gap_widening numeric,
           low_check_out numeric, sessions_without_improvement int, timezone text)),
       client AS (SELECT * FROM jsonb_to_recordset($2::jsonb) AS x(id int, couple_id int, position int)),
       measure AS (SELECT * FROM jsonb_to_recordset($3::jsonb) AS x(id int, kind text, current_version int)),
       measure_version AS (
         SELECT * FROM jsonb_to_recordset($4::jsonb) AS x(measure_id int, version int, definition jsonb)),
       measure_response AS (
         SELECT * FROM jsonb_to_recordset($5::jsonb) AS x(id int, couple_id int, client_id int, measure_id int,
           occurrence text, score numeric(8, 2), submitted_at timestamptz)),
       session_note AS (
         SELECT * FROM jsonb_to_recordset($6::jsonb) AS x(couple_id int, session_date date, addendum_to int)),
       session AS (
         SELECT * FROM jsonb_to_recordset($7::jsonb) AS x(couple_id int, starts_at timestamptz, status text))
       SELECT ot.couple_id AS id, ot.reasons
       FROM (${offTrackReasonsSql('couple')}) ot
       ORDER BY ot.couple_id`,
      [couples, clients, measures, versions, responses, notes, sessions].map((rows) => JSON.stringify(rows)),
    );
    return rows.map((row) => row.reasons);
  }

  const cases = [...NAMED, ...generated(400, 17)];
  /** Each case with the sessions held since its baseline counted by the domain's definition. */
  const counted = (c: Case): OffTrackInput => ({ ...c.input, sessionsSinceBaseline: sessionsOf(c) });

  it('counts the named cases’ sessions as worked out by hand', () => {
    expect(NAMED.map(sessionsOf)).toEqual(NAMED.map((c) => c.input.sessionsSinceBaseline));
  });

  it(`gives the same reasons, in the same order, in ${cases.length} cases`, async () => {
    const sql = await runSql(cases);
    expect(sql).toHaveLength(cases.length);
    const disagreements = cases.flatMap((c, i) => {
      const expected = offTrackReasons(counted(c));
      // Deep equality, not JSON text: jsonb does not keep the order of an object's keys.
      return isDeepStrictEqual(expected, sql[i]) ? [] : [{ case: c, expected, actual: sql[i] }];
    });
    expect(disagreements).toEqual([]);
    // The table reaches every reason, so agreeing is not agreeing on "nothing".
    const kinds = new Set(cases.flatMap((c) => offTrackReasons(counted(c)).map((r) => `${r.kind}`)));
    expect([...kinds].sort()).toEqual(['low_check_out', 'no_improvement', 'widening_gap', 'worsening']);
    expect(cases.filter((c) => offTrackReasons(counted(c)).length === 0).length).toBeGreaterThan(20);
    // The generated sessions reach both sides of every clinic's line, so the count is not agreed on by luck.
    const random = cases.slice(NAMED.length);
    const reached = random.filter((c) => sessionsOf(c) >= c.input.settings.sessionsWithoutImprovement).length;
    expect(reached).toBeGreaterThan(40);
    expect(random.length - reached).toBeGreaterThan(40);
    expect(
      random.filter((c) => offTrackReasons(counted(c)).some((r) => r.kind === 'no_improvement')).length,
    ).toBeGreaterThan(10);
  });
});
