import { securityHeaders } from './security-headers';

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

  it('is worked out once: the same frozen object every response gets', () => {
    expect(Object.isFrozen(securityHeaders(false))).toBe(true);
  });
});
