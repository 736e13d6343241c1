import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { AuditEvent, Couple, StaffUser } from '@trellis/data';
import { createTestApp } from '../support/create-test-app';
import { createClinic, createCouple, createStaff } from '../support/factories';
import { setPassword, signIn } from '../support/sign-in';
import { connectTestDatabase } from '../support/test-database';
import { followEmailedLink } from '../support/email-links';
import { startWorkerWithMailbox } from '../support/worker-harness';

describe('staff management and password reset', () => {
  let app: NestFastifyApplication;
  let db: DataSource;
  let harness: Awaited<ReturnType<typeof startWorkerWithMailbox>>;

  beforeAll(async () => {
    app = await createTestApp();
    db = await connectTestDatabase();
    harness = await startWorkerWithMailbox();
  });
  afterAll(async () => {
    await harness.stop();
    await app.close();
    await db.destroy();
  });

  async function clinic() {
    const c = await createClinic(db);
    const admin = await createStaff(db, c, { role: 'admin', name: 'Avery Admin' });
    const therapist = await createStaff(db, c, { name: 'Blake Therapist' });
    await setPassword(db, admin);
    await setPassword(db, therapist);
    return { c, admin, therapist, ...(await signIn(app, admin.email)) };
  }

  it('changes a role and audits it with before/after', async () => {
    const { agent, csrfToken, therapist, admin } = await clinic();
    const res = await agent
      .patch(`/api/v1/staff/${therapist.id}`)
      .set('x-csrf-token', csrfToken)
      .send({ role: 'admin' })
      .expect(200);
    expect(res.body).toMatchObject({ id: therapist.id, role: 'admin', status: 'active', invitation: null });
    const event = await db
      .getRepository(AuditEvent)
      .findOneByOrFail({ recordId: therapist.id, action: 'staff.role_change' });
    expect(event).toMatchObject({ actorId: admin.id, details: { from: 'therapist', to: 'admin' } });
  });

  it('never demotes or deactivates the last active admin (409), changing nothing', async () => {
    const { agent, csrfToken, admin } = await clinic();
    const demote = await agent
      .patch(`/api/v1/staff/${admin.id}`)
      .set('x-csrf-token', csrfToken)
      .send({ role: 'therapist' })
      .expect(409);
    expect(demote.body.detail).toMatch(/last active admin/);
    await agent
      .patch(`/api/v1/staff/${admin.id}`)
      .set('x-csrf-token', csrfToken)
      .send({ status: 'deactivated' })
      .expect(409);
    expect(await db.getRepository(StaffUser).findOneByOrFail({ id: admin.id })).toMatchObject({
      role: 'admin',
      status: 'active',
    });
  });

  it("deactivation ends the person's session at their next request; reactivation lets them sign in again", async () => {
    const { agent, csrfToken, therapist } = await clinic();
    const theirs = await signIn(app, therapist.email);
    await theirs.agent.get('/api/v1/auth/session').expect(200);
    await agent
      .patch(`/api/v1/staff/${therapist.id}`)
      .set('x-csrf-token', csrfToken)
      .send({ status: 'deactivated' })
      .expect(200);
    await theirs.agent.get('/api/v1/auth/session').expect(401);
    await request(app.getHttpServer())
      .post('/api/v1/auth/login')
      .send({ email: therapist.email, password: 'a long and memorable test password' })
      .expect(401);
    await agent
      .patch(`/api/v1/staff/${therapist.id}`)
      .set('x-csrf-token', csrfToken)
      .send({ status: 'active' })
      .expect(200);
    await signIn(app, therapist.email);
    const actions = (await db.getRepository(AuditEvent).findBy({ recordId: therapist.id })).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['staff.deactivate', 'staff.reactivate']));
  });

  it("asks who takes over a therapist's couples before deactivating them, then moves them in the same call", async () => {
    const { c, agent, csrfToken, therapist, admin } = await clinic();
    const { couple } = await createCouple(db, c, therapist);
    await createCouple(db, c, therapist, { status: 'discharged' });
    // The staff page knows up front how many couples need a new therapist (discharged ones do not).
    const before = await agent.get(`/api/v1/staff/${therapist.id}`).expect(200);
    expect(before.body.openCoupleCount).toBe(1);
    const refused = await agent
      .patch(`/api/v1/staff/${therapist.id}`)
      .set('x-csrf-token', csrfToken)
      .send({ status: 'deactivated' })
      .expect(409);
    expect(refused.body.errors).toEqual([
      { field: 'reassignCouplesTo', message: 'choose a therapist to take over 1 couple(s)' },
    ]);
    expect((await db.getRepository(StaffUser).findOneByOrFail({ id: therapist.id })).status).toBe('active');
    await agent
      .patch(`/api/v1/staff/${therapist.id}`)
      .set('x-csrf-token', csrfToken)
      .send({ status: 'deactivated', reassignCouplesTo: therapist.id })
      .expect(400);
    await agent
      .patch(`/api/v1/staff/${therapist.id}`)
      .set('x-csrf-token', csrfToken)
      .send({ status: 'deactivated', reassignCouplesTo: admin.id })
      .expect(200);
    expect((await db.getRepository(Couple).findOneByOrFail({ id: couple.id })).therapistId).toBe(admin.id);
    const after = await agent.get(`/api/v1/staff/${therapist.id}`).expect(200);
    expect(after.body.openCoupleCount).toBe(0);
  });

  it('refuses therapists on every staff route (403) and bad bodies (400)', async () => {
    const { therapist, admin, agent, csrfToken } = await clinic();
    const t = await signIn(app, therapist.email);
    await t.agent.get(`/api/v1/staff/${admin.id}`).expect(403);
    await t.agent
      .patch(`/api/v1/staff/${admin.id}`)
      .set('x-csrf-token', t.csrfToken)
      .send({ role: 'therapist' })
      .expect(403);
    await t.agent
      .post('/api/v1/staff/invitations')
      .set('x-csrf-token', t.csrfToken)
      .send({ email: 'x@example.test', name: 'X', role: 'admin' })
      .expect(403);
    const bad = await agent
      .patch(`/api/v1/staff/${therapist.id}`)
      .set('x-csrf-token', csrfToken)
      .send({ role: 'owner', status: 'invited', passwordHash: 'x' })
      .expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['passwordHash', 'role', 'status']);
  });

  it('resets a password by email; the reset ends every other session; unknown emails get the same answer and no mail', async () => {
    const { therapist } = await clinic();
    const elsewhere = await signIn(app, therapist.email);

    const unknown = await request(app.getHttpServer())
      .post('/api/v1/auth/password-reset')
      .send({ email: 'nobody-at-all@example.test' })
      .expect(202);
    const known = await request(app.getHttpServer())
      .post('/api/v1/auth/password-reset')
      .send({ email: therapist.email })
      .expect(202);
    expect(known.body).toEqual(unknown.body);

    const { token, answer: lookup } = await followEmailedLink(
      app.getHttpServer(),
      (await harness.mailbox.waitForMessageTo(therapist.email, /reset/i)).raw,
      'password-reset',
    );
    expect(harness.mailbox.messagesTo('nobody-at-all@example.test')).toHaveLength(0);
    expect(lookup.body).toEqual({ name: therapist.name, email: therapist.email });
    await request(app.getHttpServer())
      .post('/api/v1/auth/password-reset/lookup')
      .send({ token: 'B'.repeat(43) })
      .expect(404);

    const fresh = request.agent(app.getHttpServer());
    await fresh.post('/api/v1/auth/password-reset/confirm').send({ token, password: 'password1234' }).expect(400);
    await fresh
      .post('/api/v1/auth/password-reset/confirm')
      .send({ token, password: 'quiet meadow copper kite' })
      .expect(200);
    await fresh.get('/api/v1/auth/session').expect(200);
    await elsewhere.agent.get('/api/v1/auth/session').expect(401);
    await fresh
      .post('/api/v1/auth/password-reset/confirm')
      .send({ token, password: 'quiet meadow copper kite' })
      .expect(404);
    await request(app.getHttpServer())
      .post('/api/v1/auth/login')
      .send({ email: therapist.email, password: 'quiet meadow copper kite' })
      .expect(200);
  });
});
