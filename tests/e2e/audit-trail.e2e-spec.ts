import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createTestApp } from '../support/create-test-app';
import { createAssignment, createClinic, createCouple, createStaff } from '../support/factories';
import { setPassword, signIn } from '../support/sign-in';
import { connectTestDatabase } from '../support/test-database';

describe('audit trail for admins', () => {
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

  async function clinic() {
    const c = await createClinic(db);
    const admin = await createStaff(db, c, { role: 'admin', name: 'Avery Admin' });
    const therapist = await createStaff(db, c, { name: 'Blake Therapist' });
    await setPassword(db, admin);
    await setPassword(db, therapist);
    return { c, admin, therapist };
  }

  it('lists sign-ins with names, filters by person, action, outcome and date, newest first', async () => {
    const { admin, therapist } = await clinic();
    await signIn(app, therapist.email);
    await request(app.getHttpServer())
      .post('/api/v1/auth/login')
      .set('user-agent', 'TestBrowser/1.0')
      .send({ email: therapist.email, password: 'wrong' })
      .expect(401);
    const { agent } = await signIn(app, admin.email);

    const byPerson = await agent.get(`/api/v1/audit?actorId=${therapist.id}&action=auth.login`).expect(200);
    expect(byPerson.body.total).toBe(2);
    expect(byPerson.body.data.map((e: { outcome: string }) => e.outcome)).toEqual(['failure', 'success']);
    expect(byPerson.body.data[0]).toMatchObject({
      actorName: 'Blake Therapist',
      userAgent: 'TestBrowser/1.0',
      recordId: therapist.id,
    });
    expect(byPerson.body.data[0].ip).toBeTruthy();

    const failures = await agent.get('/api/v1/audit?outcome=failure').expect(200);
    expect(failures.body.total).toBe(1);
    const today = new Date().toISOString().slice(0, 10);
    const todays = await agent.get(`/api/v1/audit?from=${today}&to=${today}`).expect(200);
    expect(todays.body.total).toBeGreaterThanOrEqual(3);
    const past = await agent.get('/api/v1/audit?to=2000-01-01').expect(200);
    expect(past.body.total).toBe(0);
  });

  it('names each record the admin may see (couple, person, homework, partner), never by a bare id', async () => {
    const { c, admin, therapist } = await clinic();
    const { couple, partners } = await createCouple(db, c, therapist, { displayName: 'Alex & Sam Rivera' });
    const assignment = await createAssignment(db, couple, partners, { dueAt: new Date(Date.now() + 86_400_000) });
    const asTherapist = await signIn(app, therapist.email);
    await asTherapist.agent.get(`/api/v1/couples/${couple.id}`).expect(200);
    await asTherapist.agent.get(`/api/v1/assignments/${assignment.id}`).expect(200);
    // Another clinic's couple, asked for by id: denied, and its name never reaches this trail.
    const other = await createClinic(db);
    const otherCouple = await createCouple(db, other, await createStaff(db, other), { displayName: 'Not Yours' });
    await asTherapist.agent.get(`/api/v1/couples/${otherCouple.couple.id}`).expect(404);

    const { agent } = await signIn(app, admin.email);
    const names = async (action: string) =>
      (await agent.get(`/api/v1/audit?action=${action}`).expect(200)).body.data.map(
        (e: { recordName: string | null; outcome: string }) => [e.outcome, e.recordName],
      );
    expect(await names('couple.view')).toEqual([
      ['denied', null],
      ['success', 'Alex & Sam Rivera'],
    ]);
    expect(await names('assignment.view')).toEqual([['success', `${assignment.title} for Alex & Sam Rivera`]]);
    expect(await names('auth.login')).toEqual(
      expect.arrayContaining([
        ['success', 'Blake Therapist'],
        ['success', 'Avery Admin'],
      ]),
    );
  });

  it('exports the filtered trail as CSV', async () => {
    const { admin, therapist } = await clinic();
    await signIn(app, therapist.email);
    const { agent } = await signIn(app, admin.email);
    const res = await agent.get(`/api/v1/audit/export?actorId=${therapist.id}`).expect(200);
    expect(res.headers['content-type']).toMatch(/text\/csv/);
    expect(res.headers['content-disposition']).toMatch(/attachment; filename="trellis-audit-/);
    const lines = res.text.trim().split('\r\n');
    expect(lines[0]).toBe(
      'occurred_at,actor_type,actor_id,actor_name,action,record_type,record_id,record_name,outcome,ip,user_agent',
    );
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('Blake Therapist');
  });

  it("keeps each clinic's trail to itself, refuses therapists, and has no way to change a row", async () => {
    const a = await clinic();
    const b = await clinic();
    await signIn(app, a.therapist.email);
    const bAdmin = await signIn(app, b.admin.email);
    const leak = await bAdmin.agent.get(`/api/v1/audit?actorId=${a.therapist.id}`).expect(200);
    expect(leak.body.total).toBe(0);
    const t = await signIn(app, a.therapist.email);
    await t.agent.get('/api/v1/audit').expect(403);
    await t.agent.get('/api/v1/audit/export').expect(403);
    await bAdmin.agent.delete('/api/v1/audit/1').set('x-csrf-token', bAdmin.csrfToken).expect(404);
    await expect(db.query(`DELETE FROM audit_event WHERE clinic_id = $1`, [a.c.id])).rejects.toThrow(
      /cannot be changed or deleted/,
    );
    await expect(db.query(`UPDATE audit_event SET action = 'x' WHERE clinic_id = $1`, [a.c.id])).rejects.toThrow(
      /cannot be changed or deleted/,
    );
  });

  it('refuses bad filters with a 400 naming each', async () => {
    const { admin } = await clinic();
    const { agent } = await signIn(app, admin.email);
    const res = await agent.get('/api/v1/audit?from=yesterday&actorId=1;drop&action=hack&page=0').expect(400);
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'action',
      'actorId',
      'from',
      'page',
    ]);
  });
});
