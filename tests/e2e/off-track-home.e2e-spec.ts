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
    }
    const q1 = await countQueries(() => small.asDana.agent.get('/api/v1/home').expect(200));
    const q12 = await countQueries(() => big.asDana.agent.get('/api/v1/home').expect(200));
    expect(q1).toBeGreaterThan(0);
    expect(q12).toBe(q1);
    expect((await big.asDana.agent.get('/api/v1/home').expect(200)).body.offTrackCount).toBe(12);
  });
});
