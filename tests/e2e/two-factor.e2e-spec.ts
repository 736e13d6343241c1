import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import * as OTPAuth from 'otpauth';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { AuditEvent, StaffUser } from '@trellis/data';
import { createTestApp } from '../support/create-test-app';
import { createClinic, createStaff } from '../support/factories';
import { setPassword, signIn, TEST_PASSWORD } from '../support/sign-in';
import { connectTestDatabase } from '../support/test-database';

function codeAt(secret: string, offsetSeconds = 0): string {
  return new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret), period: 30, digits: 6 }).generate({
    timestamp: Date.now() + offsetSeconds * 1000,
  });
}

describe('two-factor sign-in (TOTP + recovery codes)', () => {
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

  async function person(role: 'admin' | 'therapist' = 'therapist') {
    const clinic = await createClinic(db);
    const staff = await createStaff(db, clinic, { role });
    await setPassword(db, staff);
    return { clinic, staff };
  }

  async function enroll(email: string) {
    const { agent, csrfToken } = await signIn(app, email);
    const setup = await agent.post('/api/v1/auth/2fa/setup').set('x-csrf-token', csrfToken).expect(200);
    expect(setup.body.otpauthUrl).toMatch(/^otpauth:\/\/totp\/Trellis:/);
    await agent
      .post('/api/v1/auth/2fa/enable')
      .set('x-csrf-token', csrfToken)
      .send({ code: '000000' === codeAt(setup.body.secret) ? '111111' : '000000' })
      .expect(400);
    const enabled = await agent
      .post('/api/v1/auth/2fa/enable')
      .set('x-csrf-token', csrfToken)
      .send({ code: codeAt(setup.body.secret) })
      .expect(200);
    expect(enabled.body.recoveryCodes).toHaveLength(10);
    return {
      secret: setup.body.secret as string,
      recoveryCodes: enabled.body.recoveryCodes as string[],
      agent,
      csrfToken,
    };
  }

  it('enrols with an encrypted secret, then sign-in needs the code; each code works once', async () => {
    const { staff } = await person();
    const { secret } = await enroll(staff.email);
    const stored = await db
      .getRepository(StaffUser)
      .createQueryBuilder('s')
      .addSelect('s.totpSecretEncrypted')
      .where('s.id = :id', { id: staff.id })
      .getOneOrFail();
    expect(stored.totpSecretEncrypted).toBeTruthy();
    expect(stored.totpSecretEncrypted).not.toContain(secret);

    const agent = request.agent(app.getHttpServer());
    const first = await agent
      .post('/api/v1/auth/login')
      .send({ email: staff.email, password: TEST_PASSWORD })
      .expect(200);
    expect(first.body).toEqual({ twoFactorRequired: true });
    await agent.get('/api/v1/auth/session').expect(401); // the password alone grants nothing
    await agent.post('/api/v1/auth/2fa/verify').send({ code: '12345' }).expect(400);
    // The enrolment code's step is used up; the next step's code is accepted (clock-drift window).
    const code = codeAt(secret, 30);
    const done = await agent.post('/api/v1/auth/2fa/verify').send({ code }).expect(200);
    expect(done.body).toMatchObject({
      user: { id: staff.id },
      twoFactorEnabled: true,
      twoFactorEnrollmentRequired: false,
    });
    await agent.get('/api/v1/auth/session').expect(200);

    const replay = request.agent(app.getHttpServer());
    await replay.post('/api/v1/auth/login').send({ email: staff.email, password: TEST_PASSWORD }).expect(200);
    await replay.post('/api/v1/auth/2fa/verify').send({ code }).expect(401);
    const methods = (await db.getRepository(AuditEvent).findBy({ actorId: staff.id, action: 'auth.login' })).map(
      (e) => e.details.method,
    );
    expect(methods).toContain('totp');
  });

  it('accepts each recovery code once, and refuses a verify without a pending sign-in', async () => {
    const { staff } = await person();
    const { recoveryCodes } = await enroll(staff.email);
    const agent = request.agent(app.getHttpServer());
    await agent.post('/api/v1/auth/login').send({ email: staff.email, password: TEST_PASSWORD }).expect(200);
    await agent.post('/api/v1/auth/2fa/verify').send({ recoveryCode: recoveryCodes[0].toUpperCase() }).expect(200);
    const again = request.agent(app.getHttpServer());
    await again.post('/api/v1/auth/login').send({ email: staff.email, password: TEST_PASSWORD }).expect(200);
    await again.post('/api/v1/auth/2fa/verify').send({ recoveryCode: recoveryCodes[0] }).expect(401);
    await request(app.getHttpServer()).post('/api/v1/auth/2fa/verify').send({ code: '123456' }).expect(401);
  });

  it('locks the second step after 5 wrong codes (429)', async () => {
    const { staff } = await person();
    await enroll(staff.email);
    const agent = request.agent(app.getHttpServer());
    await agent.post('/api/v1/auth/login').send({ email: staff.email, password: TEST_PASSWORD }).expect(200);
    for (let i = 0; i < 5; i += 1)
      await agent.post('/api/v1/auth/2fa/verify').send({ recoveryCode: 'aaaa-bbbb-cccc' }).expect(401);
    const locked = await agent.post('/api/v1/auth/2fa/verify').send({ recoveryCode: 'aaaa-bbbb-cccc' }).expect(429);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('a clinic that requires two-factor limits un-enrolled staff to setting it up', async () => {
    const { clinic, staff: admin } = await person('admin');
    const therapist = await createStaff(db, clinic);
    await setPassword(db, therapist);
    const a = await signIn(app, admin.email);
    const settings = await a.agent
      .patch('/api/v1/clinic')
      .set('x-csrf-token', a.csrfToken)
      .send({ requireTwoFactor: true })
      .expect(200);
    expect(settings.body.requireTwoFactor).toBe(true);

    const t = request.agent(app.getHttpServer());
    const login = await t
      .post('/api/v1/auth/login')
      .send({ email: therapist.email, password: TEST_PASSWORD })
      .expect(200);
    expect(login.body.twoFactorEnrollmentRequired).toBe(true);
    const csrf = login.body.csrfToken;
    await t.get('/api/v1/clinic').expect(403);
    const setup = await t.post('/api/v1/auth/2fa/setup').set('x-csrf-token', csrf).expect(200);
    await t
      .post('/api/v1/auth/2fa/enable')
      .set('x-csrf-token', csrf)
      .send({ code: codeAt(setup.body.secret) })
      .expect(200);
    await t.get('/api/v1/clinic').expect(200);
    // Required by the clinic: cannot be turned off.
    await t
      .post('/api/v1/auth/2fa/disable')
      .set('x-csrf-token', csrf)
      .send({ code: codeAt(setup.body.secret, 30) })
      .expect(409);
  });

  it('requiring two-factor ends the sessions already open without a second factor, in that clinic only', async () => {
    const { clinic, staff: admin } = await person('admin');
    const asAdmin = await enroll(admin.email);
    const therapist = await createStaff(db, clinic);
    await setPassword(db, therapist);
    const openWithoutSecondFactor = await signIn(app, therapist.email);
    const elsewhere = await person();
    const otherClinic = await signIn(app, elsewhere.staff.email);
    await openWithoutSecondFactor.agent.get('/api/v1/couples').expect(200);

    await asAdmin.agent
      .patch('/api/v1/clinic')
      .set('x-csrf-token', asAdmin.csrfToken)
      .send({ requireTwoFactor: true })
      .expect(200);
    // The session opened with a password alone is over on its very next request…
    await openWithoutSecondFactor.agent.get('/api/v1/couples').expect(401);
    // …and signing in again leads only to setting up the second factor.
    const again = await request(app.getHttpServer())
      .post('/api/v1/auth/login')
      .send({ email: therapist.email, password: TEST_PASSWORD })
      .expect(200);
    expect(again.body.twoFactorEnrollmentRequired).toBe(true);
    // The admin signed in with a second factor, and another clinic's staff, are untouched.
    await asAdmin.agent.get('/api/v1/clinic').expect(200);
    await otherClinic.agent.get('/api/v1/couples').expect(200);
  });

  it('turns off with a valid code when the clinic allows it; refuses therapists changing clinic settings', async () => {
    const { clinic, staff } = await person();
    const { secret, agent, csrfToken } = await enroll(staff.email);
    await agent.post('/api/v1/auth/2fa/disable').set('x-csrf-token', csrfToken).send({ code: '000001' }).expect(400);
    await agent
      .post('/api/v1/auth/2fa/disable')
      .set('x-csrf-token', csrfToken)
      .send({ code: codeAt(secret, 30) })
      .expect(204);
    const again = await request(app.getHttpServer())
      .post('/api/v1/auth/login')
      .send({ email: staff.email, password: TEST_PASSWORD })
      .expect(200);
    expect(again.body.user.id).toBe(staff.id);
    await agent.patch('/api/v1/clinic').set('x-csrf-token', csrfToken).send({ requireTwoFactor: true }).expect(403);
    const bad = await signIn(app, (await createAdmin(clinic.id)).email);
    const res = await bad.agent
      .patch('/api/v1/clinic')
      .set('x-csrf-token', bad.csrfToken)
      .send({ timezone: 'Mars/Olympus', requireTwoFactor: 'yes', id: 'x' })
      .expect(400);
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'id',
      'requireTwoFactor',
      'timezone',
    ]);
  });

  async function createAdmin(clinicId: string) {
    const admin = await createStaff(db, { id: clinicId } as never, { role: 'admin' });
    await setPassword(db, admin);
    return admin;
  }
});
