import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createClinic, createStaff } from '../support/factories';
import { createTestApp } from '../support/create-test-app';
import { setPassword, TEST_PASSWORD } from '../support/sign-in';
import { connectTestDatabase } from '../support/test-database';

// A low ceiling so the spread-out attack fits in a test; production's default is 100 an hour.
const CEILING = 12;

/**
 * Failed sign-ins are throttled per (account, address) and per address, under a per-account
 * ceiling, so nobody can keep the owner out by typing wrong passwords for them (security issue,
 * item 5). Client addresses come from X-Forwarded-For behind one trusted proxy.
 */
describe('sign-in throttling: an attacker cannot lock the owner out', () => {
  let app: NestFastifyApplication;
  let db: DataSource;

  beforeAll(async () => {
    app = await createTestApp({
      PUBLIC_URL: 'https://trellis.example',
      TRUST_PROXY: 'true',
      LOGIN_FAILURES_PER_ACCOUNT_PER_HOUR: String(CEILING),
    });
    db = await connectTestDatabase();
  });
  afterAll(async () => {
    await app.close();
    await db.destroy();
  });

  async function activeAdmin() {
    const clinic = await createClinic(db);
    const admin = await createStaff(db, clinic, { role: 'admin' });
    await setPassword(db, admin);
    return admin;
  }

  const login = (from: string, email: string, password: string) =>
    request(app.getHttpServer()).post('/api/v1/auth/login').set('x-forwarded-for', from).send({ email, password });

  it("many wrong passwords from address A throttle A only: the admin's right password from B still signs in", async () => {
    const admin = await activeAdmin();
    const statuses: number[] = [];
    for (let i = 0; i < 15; i += 1) statuses.push((await login('198.51.100.10', admin.email, `guess ${i}`)).status);
    // Five guesses are checked; after that A is refused without a password check.
    expect(statuses).toEqual([...Array(5).fill(401), ...Array(10).fill(429)]);

    const owner = await login('203.0.113.20', admin.email, TEST_PASSWORD).expect(200);
    expect(owner.body.user.id).toBe(admin.id);

    // A is still throttled, even with the right password, and is told when to come back.
    const stillThrottled = await login('198.51.100.10', admin.email, TEST_PASSWORD).expect(429);
    const retryAfter = Number(stillThrottled.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    expect(stillThrottled.headers['content-type']).toMatch(/problem\+json/);
  });

  it('an address that sprays many accounts is throttled for every account', async () => {
    const admin = await activeAdmin();
    for (let i = 0; i < 30; i += 1) await login('198.51.100.30', `sprayed-${i}@example.test`, 'wrong').expect(401);
    const limited = await login('198.51.100.30', admin.email, TEST_PASSWORD).expect(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    // Another address is not affected.
    await login('198.51.100.31', admin.email, TEST_PASSWORD).expect(200);
  });

  it('an attacker spread over many addresses meets the per-account ceiling; the owner at a known address still gets in', async () => {
    const admin = await activeAdmin();
    // The owner has signed in from the clinic before.
    await login('203.0.113.50', admin.email, TEST_PASSWORD).expect(200);

    // One wrong guess from each of 40 addresses: no per-address limit is ever reached.
    const statuses: number[] = [];
    for (let i = 1; i <= 40; i += 1) statuses.push((await login(`192.0.2.${i}`, admin.email, 'wrong')).status);
    // Only the ceiling's worth of guesses had their password checked; the rest were refused.
    expect(statuses.filter((s) => s === 401)).toHaveLength(CEILING);
    expect(statuses.slice(CEILING).every((s) => s === 429)).toBe(true);

    // A new address is refused even with the right password while the account is over its ceiling
    // (otherwise every botnet address would get a free guess); it is told when to come back.
    const fresh = await login('192.0.2.200', admin.email, TEST_PASSWORD).expect(429);
    expect(Number(fresh.headers['retry-after'])).toBeGreaterThan(0);
    // The owner at their own address, with a clean record for the account, signs in.
    await login('203.0.113.50', admin.email, TEST_PASSWORD).expect(200);
  });

  it('treats an unknown email exactly like a real one (the 429s reveal no accounts)', async () => {
    const admin = await activeAdmin();
    const run = async (email: string, from: string) => {
      const statuses: number[] = [];
      for (let i = 0; i < 7; i += 1) statuses.push((await login(from, email, 'wrong')).status);
      return statuses;
    };
    expect(await run('nobody-here-at-all@example.test', '198.51.100.60')).toEqual(
      await run(admin.email, '198.51.100.61'),
    );
  });
});
