import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { createTestApp } from '../support/create-test-app';

describe('GET /api/v1/health', () => {
  let app: NestFastifyApplication;

  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(() => app.close());

  it('answers 200 when PostgreSQL and Redis both answer', async () => {
    const res = await request(app.getHttpServer()).get('/api/v1/health').expect(200);
    expect(res.body).toEqual({ status: 'ok', checks: { postgres: { status: 'up' }, redis: { status: 'up' } } });
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('answers 503 naming Redis when Redis is down, and keeps serving', async () => {
    // Port 9 (discard) has nothing listening here: the same as a Redis that went away.
    const degraded = await createTestApp({ REDIS_URL: 'redis://127.0.0.1:9' });
    try {
      const res = await request(degraded.getHttpServer()).get('/api/v1/health').expect(503);
      expect(res.body.status).toBe('degraded');
      expect(res.body.checks.postgres).toEqual({ status: 'up' });
      expect(res.body.checks.redis.status).toBe('down');
      // Load balancers keep the replica: it still serves, and writes wait in the outbox.
      await request(degraded.getHttpServer()).get('/api/v1/health/live').expect(200);
    } finally {
      await degraded.close();
    }
  });
});

describe('HTTP conventions', () => {
  let app: NestFastifyApplication;

  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(() => app.close());

  it('answers unknown API routes with a problem+json 404', async () => {
    const res = await request(app.getHttpServer()).get('/api/v1/nope').expect(404);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 404, title: 'Not Found' });
  });

  it('answers malformed JSON with a 400 problem, not a 500', async () => {
    const res = await request(app.getHttpServer())
      .post('/api/v1/health')
      .set('content-type', 'application/json')
      .send('{"broken": ');
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(JSON.stringify(res.body)).not.toMatch(/at .*\.js/);
  });

  it('refuses bodies over the size limit early', async () => {
    const res = await request(app.getHttpServer())
      .post('/api/v1/health')
      .set('content-type', 'application/json')
      .send(JSON.stringify({ big: 'x'.repeat(300 * 1024) }));
    expect(res.status).toBe(413);
    expect(res.body.detail).toMatch(/too large/i);
  });

  it('publishes the OpenAPI document', async () => {
    const res = await request(app.getHttpServer()).get('/api/docs-json').expect(200);
    expect(res.body.openapi).toMatch(/^3\./);
    expect(Object.keys(res.body.paths)).toContain('/api/v1/health');
  });

  it('sends a strict Content-Security-Policy that forbids framing', async () => {
    const res = await request(app.getHttpServer()).get('/api/v1/health');
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('same-origin');
  });

  it('sends the security headers on errors and static files too', async () => {
    const missing = await request(app.getHttpServer()).get('/api/v1/no-such-route').expect(404);
    expect(missing.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    // No front-end build is needed here: without one, / is a 404, and it must carry the headers too.
    const root = await request(app.getHttpServer()).get('/');
    expect(root.headers['content-security-policy']).toContain("frame-ancestors 'none'");
  });
});
