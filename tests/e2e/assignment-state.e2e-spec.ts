import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import {
  AssignmentTimestamps,
  deriveAssignmentState,
  isResponseOpen,
  reminderStillWanted,
  ResponseTimestamps,
} from '@trellis/domain';
import { assignmentStateJoin, responseOpenSql } from '../../libs/features/src/assignments/assignment-state.sql';
import { REMINDER_STILL_WANTED } from '../../libs/features/src/reminders/reminder-rule.sql';
import { DigestBuilder } from '../../libs/features/src/digests/digest-builder';
import { createAssignment, createCouple } from '../support/factories';
import { createTestApp } from '../support/create-test-app';
import { connectTestDatabase } from '../support/test-database';
import { createPractice } from '../support/practice';

const DAY = 24 * 3600 * 1000;

type Part = 'none' | 'draft' | 'submitted';
interface Case {
  cancelled: boolean;
  reviewed: boolean;
  due: 'past' | 'future';
  parts: Part[];
}

/** Every combination that matters: cancelled × reviewed × due × each partner's progress (and none at all). */
function allCases(): Case[] {
  const partSets: Part[][] = [[]];
  for (const a of ['none', 'draft', 'submitted'] as const) {
    for (const b of ['none', 'draft', 'submitted'] as const) partSets.push([a, b]);
  }
  const cases: Case[] = [];
  for (const cancelled of [false, true]) {
    for (const reviewed of [false, true]) {
      for (const due of ['past', 'future'] as const) {
        for (const parts of partSets) cases.push({ cancelled, reviewed, due, parts });
      }
    }
  }
  return cases;
}

/** The timestamps one case stands for, as both the domain and the SQL receive them. */
function timestamps(c: Case, now: number): AssignmentTimestamps & { responses: ResponseTimestamps[] } {
  const earlier = new Date(now - 3 * DAY).toISOString();
  return {
    dueAt: new Date(c.due === 'past' ? now - DAY : now + DAY).toISOString(),
    cancelledAt: c.cancelled ? earlier : null,
    reviewedAt: c.reviewed ? earlier : null,
    responses: c.parts.map((part, i) => ({
      startedAt: part === 'none' ? null : earlier,
      // Distinct submission times, so completed_at must pick the later one.
      submittedAt: part === 'submitted' ? new Date(now - 2 * DAY + i * 3600_000).toISOString() : null,
    })),
  };
}

describe('one definition of assignment state: the SQL twins agree with the domain', () => {
  let db: DataSource;

  beforeAll(async () => {
    db = await connectTestDatabase();
  });
  afterAll(async () => {
    await db.destroy();
  });

  // The cases go in as CTEs named like the real tables, so the fragments run exactly as written.
  async function runSql(cases: Case[], now: number) {
    const assignments = cases.map((c, id) => {
      const t = timestamps(c, now);
      return { id, cancelled_at: t.cancelledAt, reviewed_at: t.reviewedAt, due_at: t.dueAt };
    });
    const responses = cases.flatMap((c, assignmentId) =>
      timestamps(c, now).responses.map((r, i) => ({
        id: assignmentId * 10 + i,
        assignment_id: assignmentId,
        started_at: r.startedAt,
        submitted_at: r.submittedAt,
      })),
    );
    return db.query(
      `WITH assignment AS (
         SELECT * FROM jsonb_to_recordset($1::jsonb)
           AS x(id int, cancelled_at timestamptz, reviewed_at timestamptz, due_at timestamptz)),
       homework_response AS (
         SELECT * FROM jsonb_to_recordset($2::jsonb)
           AS x(id int, assignment_id int, started_at timestamptz, submitted_at timestamptz))
       SELECT a.id, st.status, st.is_open, st.is_overdue, st.awaiting_review, st.completed_at,
              (SELECT coalesce(json_agg(json_build_object('id', r.id, 'open', ${responseOpenSql('r', 'a')}) ORDER BY r.id), '[]')
               FROM homework_response r WHERE r.assignment_id = a.id) AS parts
       FROM assignment a ${assignmentStateJoin('a')}
       ORDER BY a.id`,
      [JSON.stringify(assignments), JSON.stringify(responses)],
    ) as Promise<
      {
        id: number;
        status: string;
        is_open: boolean;
        is_overdue: boolean;
        awaiting_review: boolean;
        completed_at: Date | null;
        parts: { id: number; open: boolean }[];
      }[]
    >;
  }

  const cases = allCases();

  it(`derives the same status, open, overdue, awaiting review and completion time in ${cases.length} cases`, async () => {
    const now = Date.now();
    const rows = await runSql(cases, now);
    expect(rows).toHaveLength(cases.length);
    const disagreements = cases.flatMap((c, i) => {
      const t = timestamps(c, now);
      const ts = deriveAssignmentState(t, now);
      const sql = rows[i];
      const expected = {
        status: ts.status,
        open: ts.open,
        overdue: ts.overdue,
        awaitingReview: ts.awaitingReview,
        completedAt: ts.completedAt === null ? null : new Date(ts.completedAt).toISOString(),
        partsOpen: t.responses.map((r) => isResponseOpen(t, r)),
      };
      const actual = {
        status: sql.status,
        open: sql.is_open,
        overdue: sql.is_overdue,
        awaitingReview: sql.awaiting_review,
        completedAt: sql.completed_at === null ? null : sql.completed_at.toISOString(),
        partsOpen: sql.parts.map((p) => p.open),
      };
      return JSON.stringify(expected) === JSON.stringify(actual) ? [] : [{ case: c, expected, actual }];
    });
    expect(disagreements).toEqual([]);
  });

  it('includes the case the screens used to disagree on: past due, one partner submitted, then reviewed', async () => {
    const now = Date.now();
    const c: Case = { cancelled: false, reviewed: true, due: 'past', parts: ['submitted', 'none'] };
    const [sql] = await runSql([c], now);
    expect(deriveAssignmentState(timestamps(c, now), now)).toMatchObject({
      status: 'reviewed',
      open: false,
      overdue: false,
      awaitingReview: false,
    });
    expect(sql).toMatchObject({ status: 'reviewed', is_open: false, is_overdue: false, awaiting_review: false });
  });

  it('decides "a reminder may still go out" the same way in SQL and TypeScript', async () => {
    const now = Date.now();
    const facts = cases.flatMap((c, assignmentId) =>
      c.parts.flatMap((_, part) =>
        [false, true].flatMap((revoked) =>
          [true, false].flatMap((emailConsent) =>
            (['active', 'paused', 'discharged'] as const).flatMap((coupleStatus) =>
              (['homework', 'safety_check_in'] as const).flatMap((kind) =>
                // A safety pause (none, open or lifted) and whose flag it holds: only this
                // partner's own flag under an open pause holds their joint reminders.
                (['none', 'open', 'lifted'] as const).flatMap((pause) =>
                  (pause === 'none' ? (['nobody'] as const) : (['this', 'other', 'both'] as const)).map(
                    (flaggedBy) => ({
                      assignmentId,
                      part,
                      revoked,
                      emailConsent,
                      coupleStatus,
                      kind,
                      pause,
                      flaggedBy,
                    }),
                  ),
                ),
              ),
            ),
          ),
        ),
      ),
    );
    const rows: { wanted: boolean }[] = await db.query(
      `WITH assignment AS (
         SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(id int, cancelled_at timestamptz, reviewed_at timestamptz)),
       f AS (
         SELECT * FROM jsonb_to_recordset($2::jsonb) AS x(n int, assignment_id int, submitted_at timestamptz,
           link_revoked_at timestamptz, email_consent boolean, couple_status text, kind text, pause text,
           flagged_by text)),
       -- Every fact is this partner (client 1) in one of seven couples: no pause (couple 0), or a
       -- pause open or lifted with a flag from this partner, the other (client 2), or both. Few
       -- rows, so the rule's per-row lookups stay cheap over the thousands of facts.
       situation AS (
         SELECT row_number() OVER () AS couple_id, pause, flagged_by
         FROM unnest(ARRAY['open', 'lifted']) pause CROSS JOIN unnest(ARRAY['this', 'other', 'both']) flagged_by),
       safety_pause AS (
         SELECT couple_id AS id, couple_id, CASE WHEN pause = 'lifted' THEN now() END AS lifted_at FROM situation),
       safety_flag AS (
         SELECT couple_id AS pause_id, 1 AS client_id FROM situation WHERE flagged_by IN ('this', 'both')
         UNION ALL
         SELECT couple_id, 2 FROM situation WHERE flagged_by IN ('other', 'both'))
       SELECT ${REMINDER_STILL_WANTED} AS wanted
       FROM f
       JOIN assignment a0 ON a0.id = f.assignment_id
       LEFT JOIN situation ON situation.pause = f.pause AND situation.flagged_by = f.flagged_by
       CROSS JOIN LATERAL (SELECT a0.*, f.kind, coalesce(situation.couple_id, 0) AS couple_id) a
       CROSS JOIN LATERAL (SELECT f.submitted_at, f.link_revoked_at, 1 AS client_id) r
       CROSS JOIN LATERAL (SELECT f.email_consent) cl
       CROSS JOIN LATERAL (SELECT f.couple_status AS status) c
       ORDER BY f.n`,
      [
        JSON.stringify(
          cases.map((c, id) => {
            const t = timestamps(c, now);
            return { id, cancelled_at: t.cancelledAt, reviewed_at: t.reviewedAt };
          }),
        ),
        JSON.stringify(
          facts.map((f, n) => ({
            n,
            assignment_id: f.assignmentId,
            submitted_at: timestamps(cases[f.assignmentId], now).responses[f.part].submittedAt,
            link_revoked_at: f.revoked ? new Date(now).toISOString() : null,
            email_consent: f.emailConsent,
            couple_status: f.coupleStatus,
            kind: f.kind,
            pause: f.pause,
            flagged_by: f.flaggedBy,
          })),
        ),
      ],
    );
    expect(rows).toHaveLength(facts.length);
    const disagreements = facts.filter((f, n) => {
      const t = timestamps(cases[f.assignmentId], now);
      const expected = reminderStillWanted({
        assignment: t,
        response: t.responses[f.part],
        linkRevokedAt: f.revoked ? now : null,
        emailConsent: f.emailConsent,
        coupleStatus: f.coupleStatus,
        kind: f.kind,
        flaggedUnsafeUnderOpenPause: f.pause === 'open' && (f.flaggedBy === 'this' || f.flaggedBy === 'both'),
      });
      return expected !== rows[n].wanted;
    });
    expect(disagreements).toEqual([]);
    // Not vacuous: both answers occur.
    expect(new Set(rows.map((r) => r.wanted))).toEqual(new Set([true, false]));
  });
});

describe('every screen counts the same homework the same way', () => {
  let app: NestFastifyApplication;
  let db: DataSource;

  beforeAll(async () => {
    app = await createTestApp();
    db = await connectTestDatabase();
  });
  afterAll(async () => {
    await app.close();
    await db.destroy();
  });

  it('past due, submitted by one partner, then reviewed: not open, not overdue, not awaiting review anywhere', async () => {
    const { clinic, dana, asDana } = await createPractice(app, db);
    const { couple, partners } = await createCouple(db, clinic, dana);
    // The case the screens disagreed on, beside one that is genuinely overdue and one awaiting review.
    const reviewed = await createAssignment(db, couple, partners, {
      dueAt: new Date(Date.now() - 2 * DAY),
      submitted: [true, false],
      reviewed: true,
    });
    const overdue = await createAssignment(db, couple, partners, {
      dueAt: new Date(Date.now() - DAY),
      submitted: [true, false],
    });
    const awaiting = await createAssignment(db, couple, partners, {
      dueAt: new Date(Date.now() - DAY),
      submitted: [true, true],
    });

    const caseload = await asDana.agent.get('/api/v1/couples').expect(200);
    expect(caseload.body.data.find((row: { id: string }) => row.id === couple.id)).toMatchObject({
      openCount: 1,
      overdueCount: 1,
      awaitingReviewCount: 1,
    });

    const home = await asDana.agent.get('/api/v1/home').expect(200);
    expect(home.body.overdue.map((o: { assignmentId: string }) => o.assignmentId)).toEqual([overdue.id]);
    expect(home.body.awaitingReview.map((o: { assignmentId: string }) => o.assignmentId)).toEqual([awaiting.id]);

    const list = await asDana.agent.get(`/api/v1/couples/${couple.id}/assignments`).expect(200);
    const byId = new Map(
      (list.body.data as { id: string; status: string; overdue: boolean }[]).map((a) => [a.id, a] as const),
    );
    expect(byId.get(reviewed.id)).toMatchObject({ status: 'reviewed', overdue: false });
    expect(byId.get(overdue.id)).toMatchObject({ status: 'partly_submitted', overdue: true });
    expect(byId.get(awaiting.id)).toMatchObject({ status: 'completed', overdue: false });

    const digest = await new DigestBuilder(db).weekly(dana.id, new Date(Date.now() - 7 * DAY), new Date());
    expect(digest?.couples.find((line) => line.coupleId === couple.id)).toMatchObject({
      overdue: 1,
      awaitingReview: 1,
    });
  });
});
