import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { AuditEvent, HomeworkResponse } from '@trellis/data';
import type { CoupleExport } from '@trellis/contracts';
import { TRUST_AND_CONNECTION_CHECK_IN } from '@trellis/domain';
import { MeasureResponsesService } from '../../libs/features/src/measures/measure-responses.service';
import { countQueries } from '../support/count-queries';
import { builtInMeasure } from '../support/measure-factories';
import { createAssignment, createCouple } from '../support/factories';
import { createTestApp } from '../support/create-test-app';
import { signIn } from '../support/sign-in';
import { connectTestDatabase } from '../support/test-database';
import { createPractice } from '../support/practice';

const DAY = 24 * 3600 * 1000;

describe('home dashboard, couple timeline and export', () => {
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

  const practice = () => createPractice(app, db);

  it('shows what needs attention and completion charts, for this therapist only', async () => {
    const { clinic, dana, sam, asDana } = await practice();
    const a = await createCouple(db, clinic, dana, {
      displayName: 'Avery & Blake',
      nextSessionAt: new Date(Date.now() + DAY),
    });
    const b = await createCouple(db, clinic, dana, {
      displayName: 'Casey & Drew',
      nextSessionAt: new Date(Date.now() + 5 * DAY),
    });
    const other = await createCouple(db, clinic, sam, { nextSessionAt: new Date(Date.now() + DAY) });
    const done = await createAssignment(db, a.couple, a.partners, {
      dueAt: new Date(Date.now() - DAY),
      submitted: [true, true],
    });
    const late = await createAssignment(db, b.couple, b.partners, {
      dueAt: new Date(Date.now() - 2 * DAY),
      submitted: [true, false],
    });
    await createAssignment(db, other.couple, other.partners, { dueAt: new Date(Date.now() - DAY) });

    const res = await asDana.agent.get('/api/v1/home').expect(200);
    expect(res.body.awaitingReview.map((x: { assignmentId: string }) => x.assignmentId)).toEqual([done.id]);
    expect(res.body.overdue).toEqual([
      expect.objectContaining({ assignmentId: late.id, coupleName: 'Casey & Drew', waitingFor: [b.partners[1].name] }),
    ]);
    expect(res.body.upcomingSessions.map((x: { coupleId: string }) => x.coupleId)).toEqual([a.couple.id]);
    expect(res.body.completionByWeek).toHaveLength(8);
    // Dana's two couples, not Sam's: the first-day check needs no separate caseload read.
    expect(res.body.coupleCount).toBe(2);
    const totalDue = res.body.completionByWeek.reduce((n: number, w: { due: number }) => n + w.due, 0);
    expect(totalDue).toBe(2);
    expect(res.body.completionByStrategy).toEqual([{ strategy: done.strategy, assigned: 2, completed: 1 }]);
  });

  it('lists overdue homework oldest first, and counts each assignment once in the charts', async () => {
    const { clinic, dana, asDana } = await practice();
    const c = await createCouple(db, clinic, dana);
    const dueDaysAgo = [3, 9, 1];
    const made = [];
    for (const days of dueDaysAgo)
      made.push(await createAssignment(db, c.couple, c.partners, { dueAt: new Date(Date.now() - days * DAY) }));
    const res = await asDana.agent.get('/api/v1/home').expect(200);
    expect(res.body.overdue.map((x: { assignmentId: string }) => x.assignmentId)).toEqual([
      made[1].id,
      made[0].id,
      made[2].id,
    ]);
    expect(res.body.overdue[0].dueAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(res.body.overdue[0].waitingFor).toHaveLength(2);
    expect(res.body.completionByWeek.reduce((n: number, w: { due: number }) => n + w.due, 0)).toBe(3);
    expect(res.body.completionByWeek.map((w: { weekStart: string }) => w.weekStart)).toEqual(
      [...res.body.completionByWeek.map((w: { weekStart: string }) => w.weekStart)].sort(),
    );
    expect(res.body.completionByStrategy.reduce((n: number, s: { assigned: number }) => n + s.assigned, 0)).toBe(3);
  });

  it('costs the same number of queries with 1 or 15 couples', async () => {
    const small = await practice();
    const one = await createCouple(db, small.clinic, small.dana);
    await createAssignment(db, one.couple, one.partners, { dueAt: new Date(Date.now() - DAY) });
    const big = await practice();
    for (let i = 0; i < 15; i += 1) {
      const c = await createCouple(db, big.clinic, big.dana, { nextSessionAt: new Date(Date.now() + DAY) });
      await createAssignment(db, c.couple, c.partners, {
        dueAt: new Date(Date.now() - DAY),
        submitted: [true, i % 2 === 0],
      });
    }
    const q1 = await countQueries(() => small.asDana.agent.get('/api/v1/home').expect(200));
    const q15 = await countQueries(() => big.asDana.agent.get('/api/v1/home').expect(200));
    expect(q1).toBeGreaterThan(0);
    expect(q15).toBe(q1);
  });

  it('tells the couple’s story newest first; an admin sees it without the private notes', async () => {
    const { clinic, admin, dana, asDana } = await practice();
    const { couple, partners } = await createCouple(db, clinic, dana);
    const hw = await createAssignment(db, couple, partners, {
      dueAt: new Date(Date.now() + DAY),
      submitted: [true, false],
    });
    await asDana.agent
      .post(`/api/v1/couples/${couple.id}/notes`)
      .set('x-csrf-token', asDana.csrfToken)
      .send({ format: 'free', sessionDate: '2026-11-20', sections: { body: 'private' } })
      .expect(201);
    const mine = await asDana.agent.get(`/api/v1/couples/${couple.id}/timeline`).expect(200);
    const kinds = mine.body.data.map((e: { kind: string }) => e.kind);
    expect(kinds).toEqual(expect.arrayContaining(['assigned', 'submitted', 'note_draft']));
    expect(mine.body.data.find((e: { kind: string }) => e.kind === 'submitted')).toMatchObject({
      recordId: hw.id,
      actor: partners[0].name,
    });
    const asAdmin = await signIn(app, admin.email);
    const admins = await asAdmin.agent.get(`/api/v1/couples/${couple.id}/timeline`).expect(200);
    expect(admins.body.data.map((e: { kind: string }) => e.kind)).not.toContain('note_draft');
  });

  it("exports the whole record (JSON and printable, escaped) for the couple's therapist only, audited", async () => {
    const { clinic, admin, sam, dana, asDana } = await practice();
    const { couple, partners } = await createCouple(db, clinic, dana, { displayName: 'Alex & <script>' });
    const hw = await createAssignment(db, couple, partners, {
      dueAt: new Date(Date.now() - DAY),
      submitted: [true, true],
    });
    const promptId = hw.prompts[0].id;
    await db
      .getRepository(HomeworkResponse)
      .update(
        { assignmentId: hw.id, clientId: partners[0].id },
        { answers: { [promptId]: 'We talked <b>openly</b>.' } },
      );
    const note = await asDana.agent
      .post(`/api/v1/couples/${couple.id}/notes`)
      .set('x-csrf-token', asDana.csrfToken)
      .send({ format: 'dap', sessionDate: '2026-11-20', sections: { data: 'Calm session.' } })
      .expect(201);
    await asDana.agent.post(`/api/v1/notes/${note.body.id}/sign`).set('x-csrf-token', asDana.csrfToken).expect(200);
    await asDana.agent
      .post(`/api/v1/couples/${couple.id}/notes`)
      .set('x-csrf-token', asDana.csrfToken)
      .send({ format: 'free', sessionDate: '2026-11-21', sections: { body: 'draft only' } })
      .expect(201);
    // A past session where one partner came without the other, and one booked ahead.
    const [held] = await db.query(
      `INSERT INTO session (clinic_id, couple_id, therapist_id, starts_at, duration_minutes, status, attendance_partner1, attendance_partner2)
       VALUES ($1, $2, $3, now() - interval '3 days', 50, 'held', 'attended', 'absent') RETURNING id`,
      [clinic.id, couple.id, dana.id],
    );
    await asDana.agent
      .post(`/api/v1/couples/${couple.id}/sessions`)
      .set('x-csrf-token', asDana.csrfToken)
      .send({ startsAt: new Date(Date.now() + 4 * DAY).toISOString() })
      .expect(201);

    const json = await asDana.agent.get(`/api/v1/couples/${couple.id}/export`).expect(200);
    expect(json.body.sessions.map((s: { status: string }) => s.status)).toEqual(['held', 'scheduled']);
    expect(json.body.sessions[0]).toMatchObject({
      id: held.id,
      attendance: [
        { position: 1, partnerName: partners[0].name, attendance: 'attended' },
        { position: 2, partnerName: partners[1].name, attendance: 'absent' },
      ],
    });
    expect(json.headers['content-disposition']).toMatch(/attachment/);
    expect(json.body.assignments[0].answers[0].answers[promptId]).toBe('We talked <b>openly</b>.');
    expect(json.body.notes).toHaveLength(1); // signed notes only
    expect(json.body.notes[0].sections.data).toBe('Calm session.');

    const html = await asDana.agent.get(`/api/v1/couples/${couple.id}/export/print`).expect(200);
    expect(html.headers['content-type']).toMatch(/text\/html/);
    expect(html.text).toContain('We talked &lt;b&gt;openly&lt;/b&gt;.');
    expect(html.text).toContain('Alex &amp; &lt;script&gt;');
    expect(html.text).not.toContain('draft only');
    expect(html.text).toContain(`${partners[1].name}: absent`);

    for (const other of [await signIn(app, admin.email), await signIn(app, sam.email)]) {
      await other.agent.get(`/api/v1/couples/${couple.id}/export`).expect(404);
      await other.agent.get(`/api/v1/couples/${couple.id}/export/print`).expect(404);
    }
    await request(app.getHttpServer()).get(`/api/v1/couples/${couple.id}/export`).expect(401);
    // The two successful exports; the refused ones are recorded as denied since denied reads are audited.
    expect(
      await db.getRepository(AuditEvent).countBy({ recordId: couple.id, action: 'couple.export', outcome: 'success' }),
    ).toBe(2);
  });

  it('exports each partner’s check-ins with their answers and scores, and none of another couple’s', async () => {
    const { clinic, dana, asDana } = await practice();
    const { couple, partners } = await createCouple(db, clinic, dana);
    const other = await createCouple(db, clinic, dana);
    const { measure, version } = await builtInMeasure(db);
    const service = app.get(MeasureResponsesService);
    const actor = { kind: 'anonymous', ip: '203.0.113.7', userAgent: 'phone', requestId: 'r' } as const;
    const answers = { 'counted-on': 7, 'safe-to-speak': 5, close: 6, 'found-our-way-back': 4, 'kept-to-myself': 3 };
    const submit = (partner: (typeof partners)[number], occurrence: string, given: object, day: number) =>
      db.transaction((manager) =>
        service.submitInTransaction(manager, actor, partner, {
          measureVersionId: version.id,
          occurrence,
          answers: given,
          submittedAt: new Date(Date.UTC(2026, 10, day, 9)),
        }),
      );
    await submit(partners[0], 'week-0', answers, 2);
    await submit(partners[1], 'week-0', { ...answers, close: null }, 3);
    await submit(partners[0], 'week-1', { ...answers, close: 9 }, 9);
    await submit(other.partners[0], 'week-0', answers, 2);

    const json: CoupleExport = (await asDana.agent.get(`/api/v1/couples/${couple.id}/export`).expect(200)).body;
    expect(json.measures).toHaveLength(1);
    const [m] = json.measures;
    expect(m).toMatchObject({ measureId: measure.id, title: TRUST_AND_CONNECTION_CHECK_IN.title, kind: 'outcome' });
    expect(m.items.map((i) => i.id)).toEqual(TRUST_AND_CONNECTION_CHECK_IN.definition.items.map((i) => i.id));
    // 7 + 5 + 6 + 4 + (10 − 3) = 29; partner 2 skipped one item: prorated from their own answers.
    expect(m.responses).toEqual([
      expect.objectContaining({ partner: 1, occurrence: 'week-0', score: 29, prorated: false, answers }),
      expect.objectContaining({
        partner: 2,
        occurrence: 'week-0',
        prorated: true,
        answers: { ...answers, close: null },
      }),
      expect.objectContaining({ partner: 1, occurrence: 'week-1', score: 32, submittedAt: '2026-11-09T09:00:00.000Z' }),
    ]);
    expect(m.responses[1].score).toBeCloseTo(28.75);

    const html = await asDana.agent.get(`/api/v1/couples/${couple.id}/export/print`).expect(200);
    expect(html.text).toContain('<h2>Check-ins</h2>');
    expect(html.text).toContain(`I felt close to my partner.: 6`);
    expect(html.text).toContain(`<td>${partners[1].name}</td><td>28.75 (prorated)</td>`);
  });
});
