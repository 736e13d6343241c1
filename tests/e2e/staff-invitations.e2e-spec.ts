import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { AuditEvent, AuthToken, StaffUser } from '@trellis/data';
import { createTestApp } from '../support/create-test-app';
import { createClinic, createStaff } from '../support/factories';
import { setPassword, signIn } from '../support/sign-in';
import { connectTestDatabase } from '../support/test-database';
import { followEmailedLink } from '../support/email-links';
import { startWorkerWithMailbox } from '../support/worker-harness';
import { until } from '../support/eventually';

const STRONG = 'lantern harbour violet orbit';

describe('staff invitations (API → outbox → worker → SMTP → link → password)', () => {
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

  async function adminOfNewClinic(clinicName?: string) {
    const clinic = await createClinic(db, clinicName ? { name: clinicName } : {});
    const admin = await createStaff(db, clinic, { role: 'admin', name: 'Avery Admin' });
    await setPassword(db, admin);
    return { clinic, admin, ...(await signIn(app, admin.email)) };
  }

  function uniqueEmail(label: string) {
    return `${label}-${Math.random().toString(36).slice(2, 8)}@example.test`;
  }

  it('invites a therapist who follows the emailed link, sets a password and is signed in', async () => {
    const { agent, csrfToken, clinic, admin } = await adminOfNewClinic('Harbour Counselling');
    const email = uniqueEmail('robin');
    const invited = await agent
      .post('/api/v1/staff/invitations')
      .set('x-csrf-token', csrfToken)
      .send({ email: email.toUpperCase(), name: 'Robin Hale', role: 'therapist' })
      .expect(201);
    expect(invited.body).toMatchObject({ email, name: 'Robin Hale', role: 'therapist', status: 'invited' });

    const message = await harness.mailbox.waitForMessageTo(email, /invitation/i);
    expect(message.raw).toContain('Harbour Counselling');
    expect(message.raw).toContain('Avery Admin');
    // Read the stored row only once the link works, as the invitee would find it.
    const { token, answer: lookup } = await followEmailedLink(app.getHttpServer(), message.raw, 'invitation');
    expect(lookup.body).toEqual({ name: 'Robin Hale', email, clinicName: 'Harbour Counselling' });
    // Only the hash is stored.
    const stored = await db
      .getRepository(AuthToken)
      .createQueryBuilder('t')
      .addSelect('t.tokenHash')
      .where('t.staff_user_id = :id', { id: invited.body.id })
      .getOneOrFail();
    expect(stored.tokenHash).not.toContain(token);
    expect(stored.tokenHash).toMatch(/^[0-9a-f]{64}$/);

    const weak = await request(app.getHttpServer())
      .post('/api/v1/auth/invitations/accept')
      .send({ token, password: 'short' })
      .expect(400);
    expect(weak.body.errors[0].field).toBe('password');
    const named = await request(app.getHttpServer())
      .post('/api/v1/auth/invitations/accept')
      .send({ token, password: 'robin hale forever!' })
      .expect(400);
    expect(named.body.errors[0].message).toMatch(/name or email/);

    const invitee = request.agent(app.getHttpServer());
    const accepted = await invitee
      .post('/api/v1/auth/invitations/accept')
      .send({ token, password: STRONG })
      .expect(200);
    expect(accepted.body.user).toMatchObject({ email, role: 'therapist', clinicId: clinic.id });
    await invitee.get('/api/v1/auth/session').expect(200);
    expect((await db.getRepository(StaffUser).findOneByOrFail({ email })).status).toBe('active');

    // Single use.
    await request(app.getHttpServer())
      .post('/api/v1/auth/invitations/accept')
      .send({ token, password: STRONG })
      .expect(404);
    await request(app.getHttpServer()).post('/api/v1/auth/invitations/lookup').send({ token }).expect(404);

    const actions = (await db.getRepository(AuditEvent).findBy({ recordId: invited.body.id }))
      .map((e) => e.action)
      .sort();
    expect(actions).toEqual(['auth.invitation_accept', 'auth.login', 'staff.invite']);
    expect(
      (await db.getRepository(AuditEvent).findOneByOrFail({ recordId: invited.body.id, action: 'staff.invite' }))
        .actorId,
    ).toBe(admin.id);
  });

  it('a resend makes the old link stop working; a revoke removes the invitee', async () => {
    const { agent, csrfToken } = await adminOfNewClinic();
    const email = uniqueEmail('sky');
    const invited = await agent
      .post('/api/v1/staff/invitations')
      .set('x-csrf-token', csrfToken)
      .send({ email, name: 'Sky Lee', role: 'admin' })
      .expect(201);
    const { token: first } = await followEmailedLink(
      app.getHttpServer(),
      (await harness.mailbox.waitForMessageTo(email)).raw,
      'invitation',
    );

    await agent.post(`/api/v1/staff/${invited.body.id}/invitation/resend`).set('x-csrf-token', csrfToken).expect(202);
    const deadline = Date.now() + 10_000;
    while (harness.mailbox.messagesTo(email).length < 2 && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 50));
    const { token: second } = await followEmailedLink(
      app.getHttpServer(),
      harness.mailbox.messagesTo(email)[1].raw,
      'invitation',
    );
    expect(second).not.toBe(first);
    await request(app.getHttpServer()).post('/api/v1/auth/invitations/lookup').send({ token: first }).expect(404);

    await agent.delete(`/api/v1/staff/${invited.body.id}/invitation`).set('x-csrf-token', csrfToken).expect(204);
    await request(app.getHttpServer()).post('/api/v1/auth/invitations/lookup').send({ token: second }).expect(404);
    expect(await db.getRepository(StaffUser).countBy({ email })).toBe(0);
  });

  it('refuses expired and forged links identically', async () => {
    const { agent, csrfToken } = await adminOfNewClinic();
    const email = uniqueEmail('kai');
    const invited = await agent
      .post('/api/v1/staff/invitations')
      .set('x-csrf-token', csrfToken)
      .send({ email, name: 'Kai Moss', role: 'therapist' })
      .expect(201);
    // The link works first, so the 404 below is the expiry's and not the send's commit still running.
    const { token } = await followEmailedLink(
      app.getHttpServer(),
      (await harness.mailbox.waitForMessageTo(email)).raw,
      'invitation',
    );
    await db
      .getRepository(AuthToken)
      .update({ staffUserId: invited.body.id }, { expiresAt: new Date(Date.now() - 1000) });
    const expired = await request(app.getHttpServer())
      .post('/api/v1/auth/invitations/lookup')
      .send({ token })
      .expect(404);
    const forged = await request(app.getHttpServer())
      .post('/api/v1/auth/invitations/lookup')
      .send({ token: 'A'.repeat(43) })
      .expect(404);
    expect(expired.body).toEqual(forged.body);
    const malformed = await request(app.getHttpServer())
      .post('/api/v1/auth/invitations/lookup')
      .send({ token: "' OR 1=1 --" })
      .expect(400);
    expect(malformed.body.errors[0].field).toBe('token');
  });

  it('refuses an email that already has an account (409) and bad fields (400), changing nothing', async () => {
    const { agent, csrfToken, admin } = await adminOfNewClinic();
    const before = await db.getRepository(StaffUser).count();
    const taken = await agent
      .post('/api/v1/staff/invitations')
      .set('x-csrf-token', csrfToken)
      .send({ email: admin.email, name: 'X', role: 'therapist' })
      .expect(409);
    expect(taken.headers['content-type']).toMatch(/problem\+json/);
    expect(taken.body.errors).toEqual([{ field: 'email', message: 'already has a Trellis account' }]);
    const bad = await agent
      .post('/api/v1/staff/invitations')
      .set('x-csrf-token', csrfToken)
      .send({ email: 'nope', name: '', role: 'owner', clinicId: '00000000-0000-4000-8000-000000000001' })
      .expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'clinicId',
      'email',
      'name',
      'role',
    ]);
    expect(await db.getRepository(StaffUser).count()).toBe(before);
  });

  it("invites another clinic's address like any other address; only the invitee, at acceptance, hears why not", async () => {
    const a = await adminOfNewClinic('Harbour Counselling');
    const b = await adminOfNewClinic();
    const elsewhere = await createStaff(db, b.clinic, { name: 'Sam Other' });
    await setPassword(db, elsewhere);

    // The probe: does this address have a Trellis account somewhere?
    const probe = await a.agent
      .post('/api/v1/staff/invitations')
      .set('x-csrf-token', a.csrfToken)
      .send({ email: elsewhere.email.toUpperCase(), name: 'Sam Probe', role: 'therapist' })
      .expect(201);
    const fresh = await a.agent
      .post('/api/v1/staff/invitations')
      .set('x-csrf-token', a.csrfToken)
      .send({ email: uniqueEmail('fresh'), name: 'Fay Fresh', role: 'therapist' })
      .expect(201);

    // Nothing tells the two apart, then or later: same answer, both listed, both can be resent.
    expect(Object.keys(probe.body).sort()).toEqual(Object.keys(fresh.body).sort());
    expect(probe.body).toMatchObject({
      email: elsewhere.email,
      name: 'Sam Probe',
      role: 'therapist',
      status: 'invited',
    });
    expect(probe.body.id).not.toBe(elsewhere.id);
    expect(JSON.stringify(probe.body)).not.toContain(b.clinic.id);
    const listed = await a.agent.get('/api/v1/staff?perPage=100').expect(200);
    const statuses = Object.fromEntries(listed.body.data.map((m: { id: string; status: string }) => [m.id, m.status]));
    expect([statuses[probe.body.id], statuses[fresh.body.id]]).toEqual(['invited', 'invited']);
    await a.agent.get(`/api/v1/staff/${probe.body.id}`).expect(200);
    // Each first invitation delivered before its resend: a resend revokes the link before it, and
    // an email still queued for a revoked link is rightly never sent (on a loaded machine the
    // worker had not reached the first when the resend came, and only one email arrived).
    await until(async () => harness.mailbox.messagesTo(elsewhere.email).length === 1, 60_000);
    await until(async () => harness.mailbox.messagesTo(fresh.body.email).length === 1, 60_000);
    for (const id of [probe.body.id, fresh.body.id]) {
      await a.agent.post(`/api/v1/staff/${id}/invitation/resend`).set('x-csrf-token', a.csrfToken).expect(202);
    }

    // The address's owner gets the invitation; opening it says why it cannot be accepted, before a
    // password is chosen, and accepting it anyway is refused and changes nothing.
    // The resend's email through outbox, worker and SMTP: generous, as a loaded machine can take a while.
    await until(async () => harness.mailbox.messagesTo(elsewhere.email).length === 2, 60_000);
    const { token, answer: opened } = await followEmailedLink(
      app.getHttpServer(),
      harness.mailbox.messagesTo(elsewhere.email)[1].raw,
      'invitation',
      { settlesWith: [409] },
    );
    expect(opened.body.detail).toMatch(/already has a Trellis account, with another clinic/);
    const refused = await request(app.getHttpServer())
      .post('/api/v1/auth/invitations/accept')
      .send({ token, password: STRONG })
      .expect(409);
    expect(refused.body.detail).toMatch(/already has a Trellis account, with another clinic/);
    expect(refused.headers['set-cookie'] ?? []).toEqual([]);
    expect(await db.getRepository(StaffUser).findOneByOrFail({ id: probe.body.id })).toMatchObject({
      status: 'invited',
      clinicId: a.clinic.id,
    });
    expect(await db.getRepository(StaffUser).findOneByOrFail({ id: elsewhere.id })).toMatchObject({
      clinicId: b.clinic.id,
      status: elsewhere.status,
      name: 'Sam Other',
    });
    // The account still signs in, into its own clinic.
    const asSam = await signIn(app, elsewhere.email);
    expect((await asSam.agent.get('/api/v1/auth/session').expect(200)).body.user.clinicId).toBe(b.clinic.id);

    // Clinic B's trail says nothing of clinic A; A's admin can withdraw the invitation as any other.
    const bTrail = await b.agent.get('/api/v1/audit?perPage=100').expect(200);
    expect(JSON.stringify(bTrail.body)).not.toContain(a.clinic.id);
    await a.agent.delete(`/api/v1/staff/${probe.body.id}/invitation`).set('x-csrf-token', a.csrfToken).expect(204);

    // Within the admin's own clinic a duplicate is still refused plainly: that reveals nothing new.
    await a.agent
      .post('/api/v1/staff/invitations')
      .set('x-csrf-token', a.csrfToken)
      .send({ email: fresh.body.email, name: 'Fay Again', role: 'therapist' })
      .expect(409);
  }, 90_000);

  it('lets two clinics invite the same new address; the first accepted becomes the account, the other is refused', async () => {
    const a = await adminOfNewClinic();
    const b = await adminOfNewClinic();
    const email = uniqueEmail('shared');
    for (const admin of [a, b]) {
      await admin.agent
        .post('/api/v1/staff/invitations')
        .set('x-csrf-token', admin.csrfToken)
        .send({ email, name: 'Kim Shared', role: 'therapist' })
        .expect(201);
    }
    await until(async () => harness.mailbox.messagesTo(email).length === 2, 30_000);
    const tokens: string[] = [];
    for (const message of harness.mailbox.messagesTo(email))
      tokens.push((await followEmailedLink(app.getHttpServer(), message.raw, 'invitation')).token);
    const first = await request(app.getHttpServer())
      .post('/api/v1/auth/invitations/accept')
      .send({ token: tokens[0], password: STRONG })
      .expect(200);
    await request(app.getHttpServer())
      .post('/api/v1/auth/invitations/accept')
      .send({ token: tokens[1], password: STRONG })
      .expect(409);
    const rows = await db.getRepository(StaffUser).find({ where: { email }, order: { status: 'ASC' } });
    expect(rows.map((r) => [r.clinicId === first.body.user.clinicId, r.status])).toEqual([
      [true, 'active'],
      [false, 'invited'],
    ]);
  });

  it("never lets another clinic's admin see or touch an invitee (404)", async () => {
    const a = await adminOfNewClinic();
    const b = await adminOfNewClinic();
    const email = uniqueEmail('lee');
    const invited = await a.agent
      .post('/api/v1/staff/invitations')
      .set('x-csrf-token', a.csrfToken)
      .send({ email, name: 'Lee Park', role: 'therapist' })
      .expect(201);
    const id = invited.body.id;
    await b.agent.get(`/api/v1/staff/${id}`).expect(404);
    await b.agent.patch(`/api/v1/staff/${id}`).set('x-csrf-token', b.csrfToken).send({ role: 'admin' }).expect(404);
    await b.agent.post(`/api/v1/staff/${id}/invitation/resend`).set('x-csrf-token', b.csrfToken).expect(404);
    await b.agent.delete(`/api/v1/staff/${id}/invitation`).set('x-csrf-token', b.csrfToken).expect(404);
    await b.agent.get('/api/v1/staff/not-a-uuid').expect(404);
    expect((await db.getRepository(StaffUser).findOneByOrFail({ id })).role).toBe('therapist');
  });
});
