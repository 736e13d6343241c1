import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import type { ClinicSettings, TherapistHome } from '@trellis/contracts';
import { AuditEvent, Clinic } from '@trellis/data';
import { countQueries } from '../support/count-queries';
import { createCouple } from '../support/factories';
import { CHECK_OUT_KEY, createCheckIns } from '../support/measure-factories';
import { createTestApp } from '../support/create-test-app';
import { signIn } from '../support/sign-in';
import { connectTestDatabase } from '../support/test-database';
import { createPractice } from '../support/practice';

const DAY = 24 * 3600 * 1000;

describe('the home screen’s Off-track panel and the clinic’s thresholds', () => {
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

  it('lists the therapist’s off-track couples with their reasons; an admin sees the clinic’s', async () => {
    const { clinic, admin, dana, sam, asDana } = await practice();
    const drifting = await createCouple(db, clinic, dana, { displayName: 'Avery & Blake' });
    // Partner 1 drops 6 points over the last three check-ins; partner 2's check-out was low.
    await createCheckIns(db, drifting.couple, drifting.partners, [
      [34, 35, 33, 29],
      [30, 31, 31, 32],
    ]);
    await createCheckIns(db, drifting.couple, drifting.partners, [[8], [5]], { key: CHECK_OUT_KEY });
    const improving = await createCouple(db, clinic, dana, { displayName: 'Casey & Drew' });
    await createCheckIns(db, improving.couple, improving.partners, [
      [20, 22, 25],
      [21, 24, 26],
    ]);
    const samsCouple = await createCouple(db, clinic, sam, { displayName: 'Emery & Finn' });
    await createCheckIns(db, samsCouple.couple, samsCouple.partners, [
      [40, 30, 20],
      [40, 41, 42],
    ]);
    // Another clinic's off-track couple never shows.
    const elsewhere = await createPractice(app, db);
    const theirs = await createCouple(db, elsewhere.clinic, elsewhere.dana);
    await createCheckIns(db, theirs.couple, theirs.partners, [
      [40, 30, 20],
      [40, 30, 20],
    ]);

    const home: TherapistHome = (await asDana.agent.get('/api/v1/home').expect(200)).body;
    expect(home.offTrackCount).toBe(1);
    expect(home.offTrack).toEqual([
      {
        coupleId: drifting.couple.id,
        coupleName: 'Avery & Blake',
        partnerNames: drifting.partners.map((p) => p.name),
        reasons: [
          { kind: 'worsening', partner: 1, from: 35, to: 29, basis: 'recent_drop' },
          { kind: 'low_check_out', partner: 2, score: 5 },
        ],
      },
    ]);

    const asAdmin = await signIn(app, admin.email);
    const clinicHome: TherapistHome = (await asAdmin.agent.get('/api/v1/home').expect(200)).body;
    expect(clinicHome.offTrack.map((c) => c.coupleName)).toEqual(['Avery & Blake', 'Emery & Finn']);
    expect(clinicHome.offTrackCount).toBe(2);
    expect(clinicHome.offTrack[1].reasons).toEqual([
      { kind: 'worsening', partner: 1, from: 40, to: 20, basis: 'recent_drop' },
      { kind: 'widening_gap', from: 0, to: 22 },
    ]);
  });

  it('uses the clinic’s thresholds, which an admin changes (validated and audited)', async () => {
    const { clinic, admin, dana, asDana } = await practice();
    const c = await createCouple(db, clinic, dana);
    await createCheckIns(db, c.couple, c.partners, [
      [34, 35, 33, 29],
      [30, 31, 31, 32],
    ]);
    const before: ClinicSettings = (await asDana.agent.get('/api/v1/clinic').expect(200)).body;
    expect(before).toMatchObject({
      offTrackRecentDrop: 5,
      offTrackGapWidening: 6,
      offTrackLowCheckOut: 7,
      offTrackSessionsWithoutImprovement: 6,
    });
    expect((await asDana.agent.get('/api/v1/home').expect(200)).body.offTrackCount).toBe(1);

    // A therapist cannot change them.
    await asDana.agent
      .patch('/api/v1/clinic')
      .set('x-csrf-token', asDana.csrfToken)
      .send({ offTrackRecentDrop: 10 })
      .expect(403);

    const asAdmin = await signIn(app, admin.email);
    const changed = await asAdmin.agent
      .patch('/api/v1/clinic')
      .set('x-csrf-token', asAdmin.csrfToken)
      .send({ offTrackRecentDrop: 7.5, offTrackSessionsWithoutImprovement: 4 })
      .expect(200);
    expect(changed.body).toMatchObject({ offTrackRecentDrop: 7.5, offTrackSessionsWithoutImprovement: 4 });
    // A 6-point drop is no longer enough.
    expect((await asDana.agent.get('/api/v1/home').expect(200)).body).toMatchObject({ offTrackCount: 0, offTrack: [] });
    const audit = await db.getRepository(AuditEvent).findOneByOrFail({ action: 'clinic.update', clinicId: clinic.id });
    expect(audit.details).toEqual({ offTrackRecentDrop: 7.5, offTrackSessionsWithoutImprovement: 4 });

    for (const [field, value] of [
      ['offTrackRecentDrop', 0],
      ['offTrackGapWidening', -2],
      ['offTrackLowCheckOut', 'low'],
      ['offTrackSessionsWithoutImprovement', 2.5],
      ['offTrackSessionsWithoutImprovement', 0],
      ['offTrackRecentDrop', 1.005],
    ] as const) {
      const res = await asAdmin.agent
        .patch('/api/v1/clinic')
        .set('x-csrf-token', asAdmin.csrfToken)
        .send({ [field]: value })
        .expect(400);
      expect(JSON.stringify(res.body)).toContain(field);
    }
    const after = await db.getRepository(Clinic).findOneByOrFail({ id: clinic.id });
    expect(after).toMatchObject({
      offTrackRecentDrop: 7.5,
      offTrackGapWidening: 6,
      offTrackSessionsWithoutImprovement: 4,
    });
  });

  it('counts held sessions, with or without a note, once a day, and not cancelled or missed ones', async () => {
    const { clinic, dana, asDana } = await createPractice(app, db, { timezone: 'UTC' });
    const { couple, partners } = await createCouple(db, clinic, dana, { displayName: 'Gray & Harper' });
    // Flat for four weeks: no better by the clinic's 5 points, no worse either.
    await createCheckIns(db, couple, partners, [
      [30, 30, 31, 31],
      [30, 31, 30, 31],
    ]);
    const day = (daysAgo: number) => new Date(Date.now() - daysAgo * DAY).toISOString().slice(0, 10);
    const session = async (daysAgo: number, status: 'held' | 'cancelled' | 'no_show'): Promise<string> => {
      const [row]: { id: string }[] = await db.query(
        `INSERT INTO session (clinic_id, couple_id, therapist_id, starts_at, duration_minutes, status,
           attendance_partner1, attendance_partner2, cancelled_at)
         VALUES ($1, $2, $3, $4::date + time '12:00', 50, $5,
           CASE $5 WHEN 'held' THEN 'attended' WHEN 'no_show' THEN 'absent' END,
           CASE $5 WHEN 'held' THEN 'late' WHEN 'no_show' THEN 'absent' END,
           CASE WHEN $5 = 'cancelled' THEN now() END)
         RETURNING id`,
        [clinic.id, couple.id, dana.id, day(daysAgo), status],
      );
      return row.id;
    };
    const note = (daysAgo: number, sessionId: string | null) =>
      db.query(
        `INSERT INTO session_note (clinic_id, couple_id, author_id, format, sections, session_date, session_id)
         VALUES ($1, $2, $3, 'free', '{"body": "notes"}', $4, $5)`,
        [clinic.id, couple.id, dana.id, day(daysAgo), sessionId],
      );
    // Four held sessions without notes, one with its note (one day), one note alone: six.
    const held = [];
    for (const daysAgo of [20, 16, 12, 8]) held.push(await session(daysAgo, 'held'));
    await note(4, await session(4, 'held'));
    await note(2, null);
    // Not sessions held.
    await session(6, 'cancelled');
    await session(3, 'no_show');

    const offTrack = async () => (await asDana.agent.get('/api/v1/home').expect(200)).body.offTrack;
    expect(await offTrack()).toEqual([
      expect.objectContaining({
        coupleId: couple.id,
        reasons: [
          { kind: 'no_improvement', partner: 1, sessions: 6, from: 30, to: 31 },
          { kind: 'no_improvement', partner: 2, sessions: 6, from: 30, to: 31 },
        ],
      }),
    ]);
    // One of them cancelled after all: five, under the clinic's six.
    await db.query(
      `UPDATE session SET status = 'cancelled', cancelled_at = now(),
      attendance_partner1 = NULL, attendance_partner2 = NULL WHERE id = $1`,
      [held[0]],
    );
    expect(await offTrack()).toEqual([]);
  });

  it('costs the same number of statements with 1 or 12 couples checking in', async () => {
    const small = await practice();
    const one = await createCouple(db, small.clinic, small.dana);
    await createCheckIns(db, one.couple, one.partners, [
      [40, 30, 20],
      [40, 41, 42],
    ]);
    const big = await practice();
    for (let i = 0; i < 12; i += 1) {
      const c = await createCouple(db, big.clinic, big.dana);
      await createCheckIns(db, c.couple, c.partners, [
        [40, 30, 20 + i],
        [40, 41, 42],
      ]);
      // Sessions held, each with its note, for the "no improvement" count.
      await db.query(
        `WITH held AS (
           INSERT INTO session (clinic_id, couple_id, therapist_id, starts_at, duration_minutes, status,
             attendance_partner1, attendance_partner2)
           SELECT $1, $2, $3, now() - n * interval '4 days', 50, 'held', 'attended', 'attended'
           FROM generate_series(0, 5) AS n RETURNING id, starts_at)
         INSERT INTO session_note (clinic_id, couple_id, author_id, format, sections, session_date, session_id)
         SELECT $1, $2, $3, 'free', '{"body": "notes"}', (starts_at AT TIME ZONE 'UTC')::date, id FROM held`,
        [big.clinic.id, c.couple.id, big.dana.id],
      );
    }
    const q1 = await countQueries(() => small.asDana.agent.get('/api/v1/home').expect(200));
    const q12 = await countQueries(() => big.asDana.agent.get('/api/v1/home').expect(200));
    expect(q1).toBeGreaterThan(0);
    expect(q12).toBe(q1);
    expect((await big.asDana.agent.get('/api/v1/home').expect(200)).body.offTrackCount).toBe(12);
  });
});
