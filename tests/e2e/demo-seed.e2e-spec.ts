import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import type { CoupleMeasureResponses } from '@trellis/contracts';
import { offTrackReasons, TRUST_AND_CONNECTION_CHECK_IN } from '@trellis/domain';
import { DEMO_CHECK_IN_WEEKS } from '../../apps/api/src/seed/demo-check-ins.seed';
import { DEMO_PASSWORD, seedDemoClinic } from '../../apps/api/src/seed/demo-clinic.seed';
import { createTestApp } from '../support/create-test-app';
import { signIn } from '../support/sign-in';
import { connectTestDatabase } from '../support/test-database';

describe('demo clinic seed (npm start)', () => {
  let db: DataSource;
  let app: NestFastifyApplication;
  beforeAll(async () => {
    db = await connectTestDatabase();
    app = await createTestApp();
  });
  afterAll(async () => {
    await app.close();
    await db.destroy();
  });

  it('is the same clinic every run, with couples and homework to look at', async () => {
    await seedDemoClinic(db);
    await seedDemoClinic(db);
    const [counts] = await db.query(
      `SELECT (SELECT count(*)::int FROM staff_user WHERE email LIKE '%@demo.trellis.test') AS staff,
              (SELECT count(*)::int FROM couple WHERE clinic_id = '00000000-0000-4000-8000-000000000001') AS couples,
              (SELECT count(*)::int FROM homework_response WHERE clinic_id = '00000000-0000-4000-8000-000000000001') AS responses`,
    );
    expect(counts).toEqual({ staff: 3, couples: 3, responses: 2 });
    const dana = await signIn(app, 'dana@demo.trellis.test', DEMO_PASSWORD);
    const caseload = await dana.agent.get('/api/v1/couples').expect(200);
    expect(caseload.body.total).toBe(3);
    expect(
      caseload.body.data.find((c: { displayName: string }) => c.displayName === 'Alex & Sam Morgan'),
    ).toMatchObject({ awaitingReviewCount: 1 });
  });

  it('has a weekly schedule, past and future, the next session derived from it and its digest planned', async () => {
    await seedDemoClinic(db);
    await seedDemoClinic(db);
    const rows: { couple: string; status: string; n: number }[] = await db.query(
      `SELECT c.display_name AS couple, s.status, count(*)::int AS n FROM session s JOIN couple c ON c.id = s.couple_id
       WHERE s.clinic_id = '00000000-0000-4000-8000-000000000001' GROUP BY 1, 2 ORDER BY 1, 2`,
    );
    const of = (couple: string) =>
      Object.fromEntries(rows.filter((r) => r.couple === couple).map((r) => [r.status, r.n]));
    expect(Object.values(of('Alex & Sam Morgan')).reduce((a, b) => a + b, 0)).toBe(14);
    expect(of('Alex & Sam Morgan')).toMatchObject({ cancelled: 1 });
    expect(of('Casey & Drew Lee')).toMatchObject({ no_show: 1 });
    for (const name of ['Alex & Sam Morgan', 'Priya & Jordan Shah', 'Casey & Drew Lee'])
      expect(of(name).scheduled).toBeGreaterThanOrEqual(8);
    const couples: { next: Date; first: Date; planned: number }[] = await db.query(
      `SELECT c.next_session_at AS next,
              (SELECT min(starts_at) FROM session s WHERE s.couple_id = c.id AND s.status = 'scheduled' AND s.starts_at > now()) AS first,
              (SELECT count(*)::int FROM outbox o WHERE o.job_name = 'plan-pre-session-digest' AND o.payload->>'coupleId' = c.id::text) AS planned
       FROM couple c WHERE c.clinic_id = '00000000-0000-4000-8000-000000000001'`,
    );
    for (const c of couples) {
      expect(c.next).toEqual(c.first);
      expect(c.planned).toBe(1);
    }
    // One partner came without the other: the couples-work twist the schedule records.
    const [partial] = await db.query(
      `SELECT count(*)::int AS n FROM session WHERE clinic_id = '00000000-0000-4000-8000-000000000001'
         AND status = 'held' AND 'absent' IN (attendance_partner1, attendance_partner2)`,
    );
    expect(partial.n).toBeGreaterThanOrEqual(2);
  });

  it('tells a story in the weekly check-ins: improving, drifting apart, one partner falling away', async () => {
    await seedDemoClinic(db);
    await seedDemoClinic(db);
    const [measure] = await db.query(`SELECT id FROM measure WHERE key = $1 AND clinic_id IS NULL`, [
      TRUST_AND_CONNECTION_CHECK_IN.key,
    ]);
    const dana = await signIn(app, 'dana@demo.trellis.test', DEMO_PASSWORD);
    const caseload = await dana.agent.get('/api/v1/couples').expect(200);
    const reasonsOf = async (name: string) => {
      const couple = caseload.body.data.find((c: { displayName: string }) => c.displayName === name);
      const res = await dana.agent.get(`/api/v1/couples/${couple.id}/measures/${measure.id}/responses`).expect(200);
      const body: CoupleMeasureResponses = res.body;
      expect(body.partners.map((p) => p.responses.length)).toEqual([DEMO_CHECK_IN_WEEKS, DEMO_CHECK_IN_WEEKS]);
      // The partners answer differently, item by item, every week.
      const [first, second] = body.partners.map((p) => p.responses.map((r) => JSON.stringify(r.answers)));
      expect(first.filter((answers, week) => answers === second[week])).toEqual([]);
      const series = body.partners.map((p) =>
        p.responses.map((r) => ({ occurrence: r.occurrence, at: r.submittedAt, score: r.score ?? 0 })),
      );
      return offTrackReasons({
        outcome: { measure: body.measure, partners: [series[0], series[1]] },
        checkOut: null,
        sessionsSinceBaseline: DEMO_CHECK_IN_WEEKS,
        settings: { recentDrop: 5, gapWidening: 5, lowCheckOut: 6, sessionsWithoutImprovement: 8 },
      }).map((r) => ('partner' in r ? `${r.kind}:${r.partner}` : r.kind));
    };
    expect(await reasonsOf('Alex & Sam Morgan')).toEqual([]);
    expect(await reasonsOf('Priya & Jordan Shah')).toContain('widening_gap');
    expect(await reasonsOf('Casey & Drew Lee')).toContain('worsening:2');
  });

  it('gives each demo couple check-in schedules, so upcoming check-ins show', async () => {
    await seedDemoClinic(db);
    await seedDemoClinic(db);
    const dana = await signIn(app, 'dana@demo.trellis.test', DEMO_PASSWORD);
    const caseload = await dana.agent.get('/api/v1/couples').expect(200);
    const alex = caseload.body.data.find((c: { displayName: string }) => c.displayName === 'Alex & Sam Morgan');
    const { body } = await dana.agent.get(`/api/v1/couples/${alex.id}/check-in-schedules`).expect(200);
    expect(body.data.map((s: { kind: string }) => s.kind).sort()).toEqual(['after_session', 'weekly']);
    // Both partners have a weekly check-in planned within the week, and a check-out after the next session.
    for (const schedule of body.data) expect(schedule.upcoming).toHaveLength(2);
  });
});
