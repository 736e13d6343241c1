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
    await registerSecurityHeaders(app, false);
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
});
