import Fastify from 'fastify';
import { registerSecurityHeaders, securityHeaders } from './security-headers';

describe('securityHeaders', () => {
  it('forbids framing and foreign scripts, and sends no HSTS over plain http', () => {
    const headers = securityHeaders(false);
    expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(headers['content-security-policy']).toContain("script-src 'self'");
    expect(headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('same-origin');
    expect(headers['strict-transport-security']).toBeUndefined();
  });

  it('adds HSTS and upgrades requests when served over https', () => {
    const headers = securityHeaders(true);
    expect(headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    expect(headers['content-security-policy']).toContain('upgrade-insecure-requests');
  });

  it('puts them on every response of the app: routes, errors and unknown addresses', async () => {
    const app = Fastify();
    await registerSecurityHeaders(app, false, 'api/v1');
    app.get('/ok', async () => ({ ok: true }));
    app.get('/fails', async () => {
      throw new Error('boom');
    });
    for (const url of ['/ok', '/fails', '/missing']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(res.headers['x-content-type-options']).toBe('nosniff');
    }
    await app.close();
  });

  it('forbids storing any API answer, errors included, and leaves the front ends their own caching', async () => {
    const app = Fastify();
    await registerSecurityHeaders(app, false, 'api/v1');
    app.get('/api/v1/notes/1', async () => ({ sections: { subjective: 'clinical text' } }));
    app.get('/api/v1/fails', async () => {
      throw new Error('boom');
    });
    app.get('/assets/app-1234.js', async (_request, reply) =>
      reply.header('cache-control', 'public, max-age=31536000, immutable').send('code'),
    );
    for (const url of ['/api/v1/notes/1', '/api/v1/fails', '/api/v1/missing']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.headers['cache-control']).toBe('no-store');
    }
    const asset = await app.inject({ method: 'GET', url: '/assets/app-1234.js' });
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    // A path that merely starts like the API is not the API.
    expect((await app.inject({ method: 'GET', url: '/api/v10' })).headers['cache-control']).toBeUndefined();
    await app.close();
  });
});
