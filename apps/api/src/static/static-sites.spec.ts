import { createHash } from 'node:crypto';
import { homeworkPageCsp } from './static-sites';

const scriptSrc = (csp: string) => csp.split(';').find((d) => d.trim().startsWith('script-src')) ?? '';

describe('homeworkPageCsp', () => {
  it('allows exactly the inline scripts of the page, by SHA-256, and no other inline script', () => {
    const code = 'console.log("hi")';
    const csp = homeworkPageCsp(`<html><head><script type="module">${code}</script></head><body></body></html>`, false);
    const hash = createHash('sha256').update(code, 'utf8').digest('base64');
    expect(scriptSrc(csp)).toBe(`script-src 'self' 'sha256-${hash}'`);
    expect(csp).not.toContain("'unsafe-inline' 'sha256");
    expect(csp).toContain("frame-ancestors 'none'");
  });

  it('adds nothing for a page whose scripts are all files', () => {
    const csp = homeworkPageCsp('<script type="module" src="/h/assets/a.js"></script>', false);
    expect(scriptSrc(csp)).toBe("script-src 'self'");
  });
});
