import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { AuditEvent } from '@trellis/data';
import { createTestApp } from '../support/create-test-app';
import { createClinic, createStaff } from '../support/factories';
import { setPassword, signIn } from '../support/sign-in';
import { connectTestDatabase } from '../support/test-database';

describe('GET /api/v1/staff', () => {
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

  async function clinicWithStaff() {
    const clinic = await createClinic(db);
    const admin = await createStaff(db, clinic, { role: 'admin', name: 'Avery Admin' });
    await setPassword(db, admin);
    const therapists = [
      await createStaff(db, clinic, { name: 'Blake Therapist' }),
      await createStaff(db, clinic, { name: 'Casey Therapist', status: 'invited' }),
      await createStaff(db, clinic, { name: 'Drew Therapist', status: 'deactivated' }),
    ];
    return { clinic, admin, therapists };
  }

  it("lists only the admin's own clinic, sorted and paged on the server", async () => {
    const a = await clinicWithStaff();
    await clinicWithStaff(); // another clinic's people must never appear
    const { agent } = await signIn(app, a.admin.email);

    const page1 = await agent.get('/api/v1/staff?perPage=2&page=1&sort=name&order=ASC').expect(200);
    expect(page1.body.total).toBe(4);
    expect(page1.body.data.map((s: { name: string }) => s.name)).toEqual(['Avery Admin', 'Blake Therapist']);
    const page2 = await agent.get('/api/v1/staff?perPage=2&page=2&sort=name&order=ASC').expect(200);
    expect(page2.body.data.map((s: { name: string }) => s.name)).toEqual(['Casey Therapist', 'Drew Therapist']);
    expect(page1.body.data[0]).not.toHaveProperty('passwordHash');

    const audit = await db.getRepository(AuditEvent).countBy({ actorId: a.admin.id, action: 'staff.list' });
    expect(audit).toBe(2);
  });

  it('searches by name or email and filters by role and status', async () => {
    const a = await clinicWithStaff();
    const { agent } = await signIn(app, a.admin.email);
    const search = await agent.get('/api/v1/staff?q=casey').expect(200);
    expect(search.body.data.map((s: { name: string }) => s.name)).toEqual(['Casey Therapist']);
    const wildcard = await agent.get(`/api/v1/staff?q=${encodeURIComponent('%')}`).expect(200);
    expect(wildcard.body.total).toBe(0);
    const role = await agent.get('/api/v1/staff?role=admin').expect(200);
    expect(role.body.data.map((s: { id: string }) => s.id)).toEqual([a.admin.id]);
    const status = await agent.get('/api/v1/staff?status=deactivated').expect(200);
    expect(status.body.data.map((s: { name: string }) => s.name)).toEqual(['Drew Therapist']);
  });

  it('fetches several people by id (react-admin getMany), only within the clinic', async () => {
    const a = await clinicWithStaff();
    const b = await clinicWithStaff();
    const { agent } = await signIn(app, a.admin.email);
    const ids = [a.therapists[0].id, a.therapists[1].id, b.therapists[0].id].join(',');
    const res = await agent.get(`/api/v1/staff?ids=${ids}`).expect(200);
    expect(res.body.data.map((s: { id: string }) => s.id).sort()).toEqual(
      [a.therapists[0].id, a.therapists[1].id].sort(),
    );
    await agent.get('/api/v1/staff?ids=nope').expect(400);
  });

  it('refuses therapists', async () => {
    const a = await clinicWithStaff();
    await setPassword(db, a.therapists[0]);
    const { agent } = await signIn(app, a.therapists[0].email);
    await agent.get('/api/v1/staff').expect(403);
  });

  it('refuses bad query parameters with a 400 naming each', async () => {
    const a = await clinicWithStaff();
    const { agent } = await signIn(app, a.admin.email);
    const res = await agent.get('/api/v1/staff?perPage=1000&sort=password_hash&role=owner&clinicId=x').expect(400);
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'clinicId',
      'perPage',
      'role',
      'sort',
    ]);
  });

  it('refuses anonymous callers with 401', async () => {
    const request = (await import('supertest')).default;
    await request(app.getHttpServer()).get('/api/v1/staff').expect(401);
  });
});
