import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { getDataSourceToken } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, IsNull } from 'typeorm';
import type { CoupleMeasureResponses, MeasureDetail } from '@trellis/contracts';
import { AuditEvent, Client, Clinic, Couple, Measure, MeasureVersion, StaffUser } from '@trellis/data';
import { TRUST_AND_CONNECTION_CHECK_IN } from '@trellis/domain';
import type { Actor } from '../../libs/features/src/actor/actor';
import {
  type CheckInAnswers,
  MeasureResponsesService,
} from '../../libs/features/src/measures/measure-responses.service';
import { countQueries } from '../support/count-queries';
import { createTestApp } from '../support/create-test-app';
import { createClinic, createCouple, createStaff } from '../support/factories';
import { setPassword, signIn } from '../support/sign-in';
import { connectTestDatabase } from '../support/test-database';

type Agent = Awaited<ReturnType<typeof signIn>>['agent'];

/** Who the check-in link identified: the audit row names the partner, the request is the link's. */
const linkActor: Actor = { kind: 'anonymous', ip: '203.0.113.7', userAgent: 'phone', requestId: 'req-1' };

const week = (n: number) => new Date(Date.UTC(2026, 9, 4 + 7 * n, 9));

describe('scored check-ins (measure_response)', () => {
  let app: NestFastifyApplication;
  let db: DataSource;
  let service: MeasureResponsesService;

  beforeAll(async () => {
    app = await createTestApp();
    db = await connectTestDatabase();
    service = app.get(MeasureResponsesService);
  });
  afterAll(async () => {
    await app.close();
    await db.destroy();
  });

  async function practice(): Promise<{
    clinic: Clinic;
    therapist: StaffUser;
    agent: Agent;
    csrfToken: string;
    couple: Couple;
    partners: [Client, Client];
  }> {
    const clinic = await createClinic(db);
    const therapist = await createStaff(db, clinic);
    await setPassword(db, therapist);
    const { agent, csrfToken } = await signIn(app, therapist.email);
    const { couple, partners } = await createCouple(db, clinic, therapist);
    return { clinic, therapist, agent, csrfToken, couple, partners };
  }

  async function builtInCheckIn(): Promise<{ measure: Measure; version: MeasureVersion }> {
    const measure = await db
      .getRepository(Measure)
      .findOneByOrFail({ key: TRUST_AND_CONNECTION_CHECK_IN.key, clinicId: IsNull() });
    const version = await db
      .getRepository(MeasureVersion)
      .findOneByOrFail({ measureId: measure.id, version: measure.currentVersion });
    return { measure, version };
  }

  /** Submits in a transaction of its own, as the check-in link's submit will. */
  const submit = (partner: Client, checkIn: Omit<CheckInAnswers, 'submittedAt'> & { submittedAt?: Date }) =>
    app
      .get<DataSource>(getDataSourceToken())
      .transaction((manager) =>
        service.submitInTransaction(manager, linkActor, partner, { submittedAt: new Date(), ...checkIn }),
      );

  const responses = (agent: Agent, coupleId: string, measureId: string) =>
    agent.get(`/api/v1/couples/${coupleId}/measures/${measureId}/responses`);

  it('scores each partner on submit with the version asked, keeps the items, and audits it', async () => {
    const { clinic, agent, couple, partners } = await practice();
    const { measure, version } = await builtInCheckIn();
    const first = await submit(partners[0], {
      measureVersionId: version.id,
      occurrence: 'week-2026-10-04',
      answers: { 'counted-on': 7, 'safe-to-speak': 5, close: 6, 'found-our-way-back': 4, 'kept-to-myself': 7 },
      submittedAt: week(0),
    });
    // Reverse item: 10 − 7 = 3; 7 + 5 + 6 + 4 + 3 = 25.
    expect(first).toMatchObject({ score: 25, prorated: false, band: null, missingItemIds: [] });
    await submit(partners[1], {
      measureVersionId: version.id,
      occurrence: 'week-2026-10-04',
      // Two items skipped, one more than the rule allows: kept, but not scored.
      answers: { 'counted-on': 9, 'safe-to-speak': 8, close: 9, 'kept-to-myself': null },
      submittedAt: week(0),
    });

    const res = await responses(agent, couple.id, measure.id).expect(200);
    const body: CoupleMeasureResponses = res.body;
    expect(body.measure).toMatchObject({
      id: measure.id,
      key: TRUST_AND_CONNECTION_CHECK_IN.key,
      range: { min: 0, max: 50 },
    });
    expect(body.partners.map((p) => [p.clientId, p.position])).toEqual([
      [partners[0].id, 1],
      [partners[1].id, 2],
    ]);
    expect(body.partners[0].responses).toEqual([
      {
        id: first.id,
        occurrence: 'week-2026-10-04',
        submittedAt: week(0).toISOString(),
        measureVersion: 1,
        score: 25,
        band: null,
        prorated: false,
        answers: { 'counted-on': 7, 'safe-to-speak': 5, close: 6, 'found-our-way-back': 4, 'kept-to-myself': 7 },
        itemScores: { 'counted-on': 7, 'safe-to-speak': 5, close: 6, 'found-our-way-back': 4, 'kept-to-myself': 3 },
      },
    ]);
    expect(body.partners[1].responses[0]).toMatchObject({ score: null, prorated: false });

    const audit = await db.getRepository(AuditEvent).findOneByOrFail({ recordId: first.id });
    expect(audit).toMatchObject({
      action: 'measure_response.submit',
      actorType: 'client_link',
      actorId: partners[0].id,
      clinicId: clinic.id,
      recordType: 'measure_response',
    });
    const read = await db
      .getRepository(AuditEvent)
      .findOneByOrFail({ recordId: couple.id, action: 'measure_response.list', outcome: 'success' });
    expect(read.details).toEqual({ measureId: measure.id });
  });

  it('never rescores: a new version applies to later check-ins only', async () => {
    const { agent, csrfToken, couple, partners } = await practice();
    const created = await agent
      .post('/api/v1/measures')
      .set('x-csrf-token', csrfToken)
      .send({
        title: 'Closeness',
        kind: 'outcome',
        definition: {
          instructions: '',
          items: [
            { id: 'close', label: 'I felt close.', reverse: false },
            { id: 'held-back', label: 'I held back.', reverse: true },
          ],
          scale: { min: 0, max: 10, minLabel: 'Not at all', maxLabel: 'Completely' },
          scoring: { method: 'sum', maxMissing: 0 },
          range: { min: 0, max: 20 },
          higherIsBetter: true,
          clinicalCutoff: 10.5,
          reliableChange: null,
        },
      })
      .expect(201);
    const v1: MeasureDetail = created.body;
    const v1Id = (await db.getRepository(MeasureVersion).findOneByOrFail({ measureId: v1.id, version: 1 })).id;
    const answers = { close: 6, 'held-back': 6 };
    await submit(partners[0], { measureVersionId: v1Id, occurrence: 'week-2026-10-04', answers, submittedAt: week(0) });

    // Version 2 stops reversing the second item and scores by mean.
    await agent
      .post(`/api/v1/measures/${v1.id}/versions`)
      .set('x-csrf-token', csrfToken)
      .send({
        definition: {
          ...v1.definition,
          items: v1.definition.items.map((item) => ({ ...item, reverse: false })),
          scoring: { method: 'mean', maxMissing: 0 },
          range: { min: 0, max: 10 },
          clinicalCutoff: 5.5,
        },
      })
      .expect(201);
    const v2Id = (await db.getRepository(MeasureVersion).findOneByOrFail({ measureId: v1.id, version: 2 })).id;
    await submit(partners[0], { measureVersionId: v2Id, occurrence: 'week-2026-10-11', answers, submittedAt: week(1) });

    const res = await responses(agent, couple.id, v1.id).expect(200);
    const points = (res.body as CoupleMeasureResponses).partners[0].responses;
    expect(points.map((p) => [p.measureVersion, p.score, p.band])).toEqual([
      [1, 10, 'clinical'],
      [2, 6, 'non_clinical'],
    ]);
    expect((res.body as CoupleMeasureResponses).measure.currentVersion).toBe(2);
    await expect(db.query(`UPDATE measure_response SET score = 20 WHERE couple_id = $1`, [couple.id])).rejects.toThrow(
      /cannot be changed or deleted/,
    );
  });

  it('refuses answers that do not fit, a bad occurrence and a second answer, writing nothing more', async () => {
    const { partners } = await practice();
    const { version } = await builtInCheckIn();
    const count = async () => Number((await db.query(`SELECT count(*) FROM measure_response`))[0].count);
    const before = await count();
    await expect(
      submit(partners[0], {
        measureVersionId: version.id,
        occurrence: 'week-2026-10-04',
        answers: { close: 11, nope: 3 },
      }),
    ).rejects.toMatchObject({
      fieldErrors: [
        { field: 'answers.close', message: 'Answer with a whole number from 0 to 10, or null to skip the item.' },
        { field: 'answers.nope', message: 'No item of this measure has this id.' },
      ],
    });
    await expect(
      submit(partners[0], { measureVersionId: version.id, occurrence: 'Week:1', answers: {} }),
    ).rejects.toMatchObject({ fieldErrors: [{ field: 'occurrence', message: 'must be a check-in occurrence key' }] });
    expect(await count()).toBe(before);

    const answers = { 'counted-on': 5, 'safe-to-speak': 5, close: 5, 'found-our-way-back': 5, 'kept-to-myself': 5 };
    await submit(partners[0], { measureVersionId: version.id, occurrence: 'once', answers });
    await expect(
      submit(partners[0], { measureVersionId: version.id, occurrence: 'once', answers: { ...answers, close: 9 } }),
    ).rejects.toThrow(/already answered/);
    expect(await count()).toBe(before + 1);
  });

  it('scores only with a version of a measure the partner’s clinic may use', async () => {
    const mine = await practice();
    const other = await practice();
    const created = await other.agent
      .post('/api/v1/measures')
      .set('x-csrf-token', other.csrfToken)
      .send({
        title: 'Theirs',
        kind: 'alliance',
        definition: {
          instructions: '',
          items: [{ id: 'ok', label: 'OK?', reverse: false }],
          scale: { min: 0, max: 10, minLabel: 'No', maxLabel: 'Yes' },
          scoring: { method: 'sum', maxMissing: 0 },
          range: { min: 0, max: 10 },
          higherIsBetter: true,
          clinicalCutoff: null,
          reliableChange: null,
        },
      })
      .expect(201);
    const theirs = await db.getRepository(MeasureVersion).findOneByOrFail({ measureId: created.body.id });
    await expect(
      submit(mine.partners[0], { measureVersionId: theirs.id, occurrence: 'once', answers: { ok: 3 } }),
    ).rejects.toThrow(/No such measure/);
  });

  it('is a 404 for another clinic, another therapist, or a measure the clinic cannot see, recorded as denied', async () => {
    const { clinic, couple } = await practice();
    const { measure } = await builtInCheckIn();
    const otherClinic = await practice();
    const colleague = await createStaff(db, clinic);
    await setPassword(db, colleague);
    const asColleague = await signIn(app, colleague.email);

    await responses(otherClinic.agent, couple.id, measure.id).expect(404);
    await responses(asColleague.agent, couple.id, measure.id).expect(404);
    const mine = await practice();
    const theirMeasure = await otherClinic.agent
      .post('/api/v1/measures')
      .set('x-csrf-token', otherClinic.csrfToken)
      .send({
        title: 'Theirs',
        kind: 'outcome',
        definition: {
          instructions: '',
          items: [{ id: 'ok', label: 'OK?', reverse: false }],
          scale: { min: 0, max: 10, minLabel: 'No', maxLabel: 'Yes' },
          scoring: { method: 'sum', maxMissing: 0 },
          range: { min: 0, max: 10 },
          higherIsBetter: true,
          clinicalCutoff: null,
          reliableChange: null,
        },
      })
      .expect(201);
    await responses(mine.agent, mine.couple.id, theirMeasure.body.id).expect(404);
    await responses(mine.agent, mine.couple.id, randomUUID()).expect(404);
    await mine.agent.get(`/api/v1/couples/${mine.couple.id}/measures/not-a-uuid/responses`).expect(404);

    const denied = await db.getRepository(AuditEvent).findBy({ recordId: couple.id, action: 'measure_response.list' });
    expect(denied.map((row) => [row.outcome, row.clinicId]).sort()).toEqual(
      [
        ['denied', otherClinic.clinic.id],
        ['denied', clinic.id],
      ].sort(),
    );
  });

  it('exports the check-ins as CSV, every item as answered, older versions’ items after the current ones', async () => {
    const { couple, partners, agent, csrfToken } = await practice();
    const created = await agent
      .post('/api/v1/measures')
      .set('x-csrf-token', csrfToken)
      .send({
        title: 'Two items',
        kind: 'outcome',
        definition: {
          instructions: '',
          items: [
            { id: 'close', label: 'I felt close.', reverse: false },
            { id: 'held-back', label: 'I held back.', reverse: true },
          ],
          scale: { min: 0, max: 10, minLabel: 'Not at all', maxLabel: 'Completely' },
          scoring: { method: 'sum', maxMissing: 1 },
          range: { min: 0, max: 20 },
          higherIsBetter: true,
          clinicalCutoff: null,
          reliableChange: null,
        },
      })
      .expect(201);
    const measure: MeasureDetail = created.body;
    const v1 = await db.getRepository(MeasureVersion).findOneByOrFail({ measureId: measure.id, version: 1 });
    await submit(partners[0], {
      measureVersionId: v1.id,
      occurrence: 'week-1',
      answers: { close: 7, 'held-back': 2 },
      submittedAt: week(0),
    });
    await submit(partners[1], {
      measureVersionId: v1.id,
      occurrence: 'week-1',
      answers: { close: 4, 'held-back': null },
      submittedAt: week(0),
    });
    // Version 2 replaces "held back" with "laughed".
    await agent
      .post(`/api/v1/measures/${measure.id}/versions`)
      .set('x-csrf-token', csrfToken)
      .send({
        definition: {
          ...measure.definition,
          items: [measure.definition.items[0], { id: 'laughed', label: 'We laughed.', reverse: false }],
        },
      })
      .expect(201);
    const v2 = await db.getRepository(MeasureVersion).findOneByOrFail({ measureId: measure.id, version: 2 });
    await submit(partners[0], {
      measureVersionId: v2.id,
      occurrence: 'week-2',
      answers: { close: 8, laughed: 6 },
      submittedAt: week(1),
    });

    const res = await agent.get(`/api/v1/couples/${couple.id}/measures/${measure.id}/responses/export`).expect(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="trellis-check-ins-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    expect(res.text.split('\r\n')).toEqual([
      'partner,submitted_at,occurrence,measure_version,score,band,prorated,close,laughed,held-back',
      `A,${week(0).toISOString()},week-1,1,15,,false,7,,2`,
      `B,${week(0).toISOString()},week-1,1,8,,true,4,,`,
      `A,${week(1).toISOString()},week-2,2,14,,false,8,6,`,
      '',
    ]);
    const audit = await db
      .getRepository(AuditEvent)
      .findOneByOrFail({ recordId: couple.id, action: 'measure_response.export', outcome: 'success' });
    expect(audit.details).toEqual({ measureId: measure.id });
  });

  it('reads two years of weekly check-ins in the same number of statements as one', async () => {
    const { agent, couple, partners } = await practice();
    const { measure, version } = await builtInCheckIn();
    const answers = { 'counted-on': 5, 'safe-to-speak': 6, close: 7, 'found-our-way-back': 5, 'kept-to-myself': 2 };
    await submit(partners[0], { measureVersionId: version.id, occurrence: 'week-0', answers, submittedAt: week(0) });
    const one = await countQueries(() => responses(agent, couple.id, measure.id).expect(200));
    for (let n = 1; n < 104; n++) {
      for (const partner of partners) {
        await submit(partner, { measureVersionId: version.id, occurrence: `week-${n}`, answers, submittedAt: week(n) });
      }
    }
    // A session a week for the same two years, with an addendum to one note: dates for the chart.
    await db.query(
      `INSERT INTO session_note (clinic_id, couple_id, author_id, format, sections, session_date)
       SELECT $1, $2, $3, 'free', '{"body": "notes"}', date '2026-10-05' + 7 * n FROM generate_series(0, 103) AS n`,
      [couple.clinicId, couple.id, couple.therapistId],
    );
    await db.query(
      `INSERT INTO session_note (clinic_id, couple_id, author_id, format, sections, session_date, addendum_to)
       SELECT clinic_id, couple_id, author_id, 'free', '{"body": "a correction"}', date '2030-01-01', id
       FROM session_note WHERE couple_id = $1 ORDER BY session_date LIMIT 1`,
      [couple.id],
    );
    // And held sessions (first-class since the schedule landed): one on a day with a note, one on a
    // day without, one cancelled (not a session that happened), on the clinic's clock.
    await db.query(`UPDATE clinic SET timezone = 'America/New_York' WHERE id = $1`, [couple.clinicId]);
    await db.query(
      `INSERT INTO session (clinic_id, couple_id, therapist_id, starts_at, duration_minutes, status,
                            attendance_partner1, attendance_partner2, cancelled_at)
       VALUES ($1, $2, $3, '2026-10-05T15:00:00Z', 50, 'held', 'attended', 'attended', NULL),
              ($1, $2, $3, '2028-10-03T02:00:00Z', 50, 'held', 'attended', 'absent', NULL),
              ($1, $2, $3, '2029-05-05T15:00:00Z', 50, 'cancelled', NULL, NULL, now())`,
      [couple.clinicId, couple.id, couple.therapistId],
    );
    const res = await responses(agent, couple.id, measure.id).expect(200);
    // 104 note days, plus the held session at 22:00 New York time on 2 October 2028; nothing twice.
    expect(res.body.sessionDates).toHaveLength(105);
    expect(res.body.sessionDates).toContain('2028-10-02');
    expect(res.body.sessionDates).not.toContain('2029-05-05');
    expect(res.body.sessionDates[0]).toBe('2026-10-05');
    expect(res.body.sessionDates).not.toContain('2030-01-01');
    expect(res.body.partners[0].responses).toHaveLength(104);
    expect(res.body.partners[1].responses).toHaveLength(103);
    const many = await countQueries(() => responses(agent, couple.id, measure.id).expect(200));
    expect(many).toBe(one);
  }, 60_000);
});
