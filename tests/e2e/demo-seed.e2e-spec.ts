import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
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
});
