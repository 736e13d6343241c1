import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import type { ClinicMeasureSummary } from '@trellis/contracts';
import { AuditEvent } from '@trellis/data';
import { SESSION_CHECK_OUT, TRUST_AND_CONNECTION_CHECK_IN } from '@trellis/domain';
import { countQueries } from '../support/count-queries';
import { createCouple } from '../support/factories';
import { builtInMeasure, CHECK_OUT_KEY, createCheckIns } from '../support/measure-factories';
import { createTestApp } from '../support/create-test-app';
import { signIn } from '../support/sign-in';
import { connectTestDatabase } from '../support/test-database';
import { createPractice } from '../support/practice';

describe('the clinic summary: couples improving, unchanged and worsening per measure (admins)', () => {
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

  it('counts the clinic’s active couples by where they stand, with the bar it used, and audits the read', async () => {
    const { clinic, admin, dana, sam, asDana } = await createPractice(app, db);
    const add = async (
      therapist: typeof dana,
      scores: [number[], number[]],
      status: 'active' | 'discharged' = 'active',
    ) => {
      const c = await createCouple(db, clinic, therapist, { status });
      await createCheckIns(db, c.couple, c.partners, scores);
      return c;
    };
    await add(dana, [
      [20, 24, 27],
      [22, 23, 23],
    ]); // improving (7 ≥ the clinic's 5)
    await add(sam, [
      [30, 29, 31],
      [25, 26, 24],
    ]); // unchanged
    await add(dana, [
      [30, 33, 38],
      [30, 27, 24],
    ]); // worsening wins over improving
    await add(sam, [[30], [31]]); // too few
    await add(
      dana,
      [
        [40, 30, 20],
        [40, 30, 20],
      ],
      'discharged',
    ); // not active: not counted
    const checkOut = await createCouple(db, clinic, dana);
    await createCheckIns(
      db,
      checkOut.couple,
      checkOut.partners,
      [
        [9, 6],
        [8, 8],
      ],
      { key: CHECK_OUT_KEY },
    );
    // Another clinic's couples never count.
    const other = await createPractice(app, db);
    const theirs = await createCouple(db, other.clinic, other.dana);
    await createCheckIns(db, theirs.couple, theirs.partners, [
      [10, 40],
      [10, 40],
    ]);

    await asDana.agent.get('/api/v1/measures/summary').expect(403);
    const asAdmin = await signIn(app, admin.email);
    const summary: ClinicMeasureSummary = (await asAdmin.agent.get('/api/v1/measures/summary').expect(200)).body;
    const checkIn = (await builtInMeasure(db)).measure;
    const session = (await builtInMeasure(db, CHECK_OUT_KEY)).measure;
    expect(summary.measures).toEqual([
      {
        measureId: session.id,
        title: SESSION_CHECK_OUT.title,
        kind: 'alliance',
        basis: 'clinic_threshold',
        threshold: 5,
        improving: 0,
        unchanged: 1,
        worsening: 0,
        tooFew: 0,
      },
      {
        measureId: checkIn.id,
        title: TRUST_AND_CONNECTION_CHECK_IN.title,
        kind: 'outcome',
        basis: 'clinic_threshold',
        threshold: 5,
        improving: 1,
        unchanged: 1,
        worsening: 1,
        tooFew: 1,
      },
    ]);
    const audit = await db.getRepository(AuditEvent).findBy({ action: 'measure.clinic_summary', actorId: admin.id });
    expect(audit).toMatchObject([{ clinicId: clinic.id, outcome: 'success', recordId: clinic.id }]);

    // The clinic's bar moves with its setting.
    await asAdmin.agent
      .patch('/api/v1/clinic')
      .set('x-csrf-token', asAdmin.csrfToken)
      .send({ offTrackRecentDrop: 8 })
      .expect(200);
    const stricter: ClinicMeasureSummary = (await asAdmin.agent.get('/api/v1/measures/summary').expect(200)).body;
    // 20 → 27 is no longer enough; 30 → 24 is no longer worse, so 30 → 38 now counts as improving.
    expect(stricter.measures[1]).toMatchObject({ threshold: 8, improving: 1, unchanged: 2, worsening: 0 });
  });

  it('costs the same number of statements for 1 or 12 couples', async () => {
    const counts: number[] = [];
    for (const couples of [1, 12]) {
      const { clinic, admin, dana } = await createPractice(app, db);
      for (let i = 0; i < couples; i += 1) {
        const c = await createCouple(db, clinic, dana);
        await createCheckIns(db, c.couple, c.partners, [
          [20, 21 + i],
          [20, 19],
        ]);
      }
      const asAdmin = await signIn(app, admin.email);
      counts.push(await countQueries(() => asAdmin.agent.get('/api/v1/measures/summary').expect(200)));
    }
    expect(counts[0]).toBeGreaterThan(0);
    expect(counts[1]).toBe(counts[0]);
  });
});
