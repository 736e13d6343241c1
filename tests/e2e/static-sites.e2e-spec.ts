import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { STATIC_ROOT } from '../support/browser-stack';
import { createTestApp } from '../support/create-test-app';

/** The built front ends as the API serves them: compressed when accepted, hashed assets cached, pages not. */
describe('static sites: compression and caching', () => {
  let app: NestFastifyApplication;
  const built = (app: 'dashboard' | 'homework', ...path: string[]) => {
    const file = join(STATIC_ROOT, app, ...path);
    if (!existsSync(file))
      throw new Error(
        `No ${app} build in ${STATIC_ROOT}: run \`npx nx run-many -t build -p dashboard homework\` first (\`npm test\` does).`,
      );
    return file;
  };
  /** The dashboard's largest script (compression shows best on it). */
  const dashboardScript = () => {
    const dir = built('dashboard', 'assets');
    const scripts = readdirSync(dir).filter((f) => f.endsWith('.js'));
    return scripts.sort((a, b) => statSync(join(dir, b)).size - statSync(join(dir, a)).size)[0];
  };

  beforeAll(async () => {
    app = await createTestApp({ STATIC_ROOT });
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
  });
  afterAll(() => app.close());

  it('sends hashed assets brotli- or gzip-compressed when accepted, with a year of caching', async () => {
    const name = dashboardScript();
    const original = readFileSync(built('dashboard', 'assets', name));
    // supertest decodes the body; the header and length say what went over the wire.
    const gzip = await request(app.getHttpServer()).get(`/assets/${name}`).set('accept-encoding', 'gzip').expect(200);
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(Number(gzip.headers['content-length'])).toBeLessThan(original.length / 2);
    expect(gzip.text).toBe(original.toString('utf8'));
    expect(gzip.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(gzip.headers.vary).toMatch(/accept-encoding/i);

    const brotli = await request(app.getHttpServer())
      .get(`/assets/${name}`)
      .set('accept-encoding', 'br, gzip')
      .expect(200);
    expect(brotli.headers['content-encoding']).toBe('br');
    const plain = await request(app.getHttpServer())
      .get(`/assets/${name}`)
      .set('accept-encoding', 'identity')
      .expect(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
  });

  it('sends the homework page with its code inline, compressed, allowed by hash and no other inline script', async () => {
    const html = readFileSync(built('homework', 'index.html'), 'utf8');
    const code = /<script type="module">([\s\S]*?)<\/script>/.exec(html)?.[1];
    expect(code?.length).toBeGreaterThan(1000);
    expect(html).not.toMatch(/<script[^>]+src=/);

    const page = await request(app.getHttpServer())
      .get('/h/some-link-token')
      .set('accept-encoding', 'br, gzip')
      .expect(200);
    expect(page.headers['content-encoding']).toBe('br');
    expect(page.text).toBe(html);
    const scriptSrc = String(page.headers['content-security-policy'])
      .split(';')
      .find((d) => d.trim().startsWith('script-src'));
    expect(scriptSrc).toBe(
      `script-src 'self' 'sha256-${createHash('sha256')
        .update(code as string, 'utf8')
        .digest('base64')}'`,
    );
    // The page's other address (the file itself) carries the same policy, or its script would be blocked.
    const direct = await request(app.getHttpServer()).get('/h/index.html').expect(200);
    expect(direct.headers['content-security-policy']).toBe(page.headers['content-security-policy']);
    expect(direct.headers['cache-control']).toBe('no-store');
    // The hash is for the homework page only: the dashboard and the API allow no inline script.
    const dashboard = await request(app.getHttpServer()).get('/').expect(200);
    expect(String(dashboard.headers['content-security-policy'])).toContain("script-src 'self';");
  });

  it('never caches the pages themselves: the homework page stays no-store, the dashboard revalidates', async () => {
    const page = await request(app.getHttpServer()).get('/h/some-link-token').expect(200);
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    for (const encoding of ['br, gzip', 'gzip', 'identity']) {
      const dashboard = await request(app.getHttpServer()).get('/').set('accept-encoding', encoding).expect(200);
      expect(dashboard.headers['cache-control']).toBe('no-cache');
      expect(dashboard.text).toContain('<div id="root">');
    }
  });
});
