import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { createTestApp } from '../support/create-test-app';
import { createClinic, createStaff } from '../support/factories';
import { setPassword, TEST_PASSWORD } from '../support/sign-in';
import { connectTestDatabase } from '../support/test-database';

/** Headers, cookies and rate limits an attacker meets at the door. */
describe('web hardening', () => {
  let app: NestFastifyApplication;

  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(() => app.close());

  it('limits password-reset requests per address (429 with Retry-After)', async () => {
    const email = `limit-${Date.now()}@example.test`;
    for (let i = 0; i < 5; i += 1)
      await request(app.getHttpServer()).post('/api/v1/auth/password-reset').send({ email }).expect(202);
    const limited = await request(app.getHttpServer()).post('/api/v1/auth/password-reset').send({ email }).expect(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.headers['content-type']).toMatch(/problem\+json/);
  });

  it('limits link look-ups per IP across invitation, reset and homework links', async () => {
    const server = app.getHttpServer();
    const token = 'Z'.repeat(43);
    let limited: request.Response | undefined;
    for (let i = 0; i < 40 && !limited; i += 1) {
      const route = [
        '/api/v1/auth/invitations/lookup',
        '/api/v1/auth/password-reset/lookup',
        '/api/v1/auth/invitations/accept',
      ][i % 3];
      const res = await request(server)
        .post(route)
        .send(route.endsWith('accept') ? { token, password: 'lantern harbour violet orbit' } : { token });
      if (res.status === 429) limited = res;
      else expect(res.status).toBe(404);
    }
    expect(limited?.status).toBe(429);
    expect(Number(limited?.headers['retry-after'])).toBeGreaterThan(0);

    let homeworkLimited = false;
    for (let i = 0; i < 40 && !homeworkLimited; i += 1) {
      const res = await request(server).post('/api/v1/homework/link').send({ token });
      homeworkLimited = res.status === 429;
    }
    expect(homeworkLimited).toBe(true);
  });

  it('lets no browser keep a copy of a signed-in answer: login, session, couples, notes, audit, errors', async () => {
    const db = await connectTestDatabase();
    try {
      const clinic = await createClinic(db);
      const admin = await createStaff(db, clinic, { role: 'admin' });
      await setPassword(db, admin);
      const agent = request.agent(app.getHttpServer());
      const login = await agent.post('/api/v1/auth/login').send({ email: admin.email, password: TEST_PASSWORD });
      expect(login.status).toBe(200);
      expect(login.headers['cache-control']).toBe('no-store');
      for (const url of [
        '/api/v1/auth/session',
        '/api/v1/couples',
        '/api/v1/staff',
        '/api/v1/audit',
        '/api/v1/nothing',
      ]) {
        const res = await agent.get(url);
        expect({ url, cacheControl: res.headers['cache-control'] }).toEqual({ url, cacheControl: 'no-store' });
      }
    } finally {
      await db.destroy();
    }
  });

  it('sends HSTS and upgrade-insecure-requests only when served over https, and never allows framing', async () => {
    const plain = await request(app.getHttpServer()).get('/api/v1/health/live');
    expect(plain.headers['strict-transport-security']).toBeUndefined();
    expect(plain.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    const secure = await createTestApp({ PUBLIC_URL: 'https://trellis.example' });
    try {
      const res = await request(secure.getHttpServer()).get('/api/v1/health/live');
      expect(res.headers['strict-transport-security']).toMatch(/max-age=31536000/);
      expect(res.headers['content-security-policy']).toContain('upgrade-insecure-requests');
    } finally {
      await secure.close();
    }
  });

  it('marks the session cookie Secure, httpOnly and SameSite=Lax when served over https', async () => {
    const db = await connectTestDatabase();
    // Behind a TLS-terminating load balancer: the API trusts X-Forwarded-Proto.
    const secure = await createTestApp({ PUBLIC_URL: 'https://trellis.example', TRUST_PROXY: 'true' });
    try {
      const clinic = await createClinic(db);
      const staff = await createStaff(db, clinic);
      await setPassword(db, staff);
      const res = await request(secure.getHttpServer())
        .post('/api/v1/auth/login')
        .set('x-forwarded-proto', 'https')
        .send({ email: staff.email, password: TEST_PASSWORD })
        .expect(200);
      const cookie = String(res.headers['set-cookie']);
      expect(cookie).toMatch(/; Secure/i);
      expect(cookie).toMatch(/HttpOnly/i);
      expect(cookie).toMatch(/SameSite=Lax/i);
    } finally {
      await secure.close();
      await db.destroy();
    }
  });

  it('behind one proxy, audits the address the proxy saw, never a client-written one, and survives junk', async () => {
    const db = await connectTestDatabase();
    const proxied = await createTestApp({ PUBLIC_URL: 'https://trellis.example', TRUST_PROXY: 'true' });
    try {
      const clinic = await createClinic(db);
      const staff = await createStaff(db, clinic);
      const failedLogin = (forwardedFor: string) =>
        request(proxied.getHttpServer())
          .post('/api/v1/auth/login')
          .set('x-forwarded-for', forwardedFor)
          .send({ email: staff.email, password: 'not the password at all' });
      // The client wrote the first address; the proxy appended the one it saw.
      await failedLogin('6.6.6.6, 203.0.113.9').expect(401);
      await failedLogin('not-an-ip').expect(401);
      const rows: { ip: string | null }[] = await db.query(
        `SELECT host(ip) AS ip FROM audit_event WHERE action = 'auth.login' AND actor_id = $1 ORDER BY id`,
        [staff.id],
      );
      expect(rows).toEqual([{ ip: '203.0.113.9' }, { ip: null }]);
    } finally {
      await proxied.close();
      await db.destroy();
    }
  });
});
