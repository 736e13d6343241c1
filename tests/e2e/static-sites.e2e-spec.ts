import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { STATIC_ROOT } from '../support/browser-stack';
import { createTestApp } from '../support/create-test-app';

/** The built front ends as the API serves them: compressed when accepted, hashed assets cached, pages not. */
describe('static sites: compression and caching', () => {
  let app: NestFastifyApplication;
  const homeworkScript = () => {
    const dir = join(STATIC_ROOT, 'homework', 'assets');
    if (!existsSync(dir)) throw new Error(`No homework build in ${STATIC_ROOT}: run \`npx nx run-many -t build -p dashboard homework\` first (\`npm test\` does).`);
    return readdirSync(dir).find((f) => f.endsWith('.js')) as string;
  };

  beforeAll(async () => {
    app = await createTestApp({ STATIC_ROOT });
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
  });
  afterAll(() => app.close());

  it('sends the homework script brotli- or gzip-compressed when accepted, with a year of caching', async () => {
    const name = homeworkScript();
    const original = readFileSync(join(STATIC_ROOT, 'homework', 'assets', name));
    // supertest decodes the body; the header and length say what went over the wire.
    const gzip = await request(app.getHttpServer()).get(`/h/assets/${name}`).set('accept-encoding', 'gzip').expect(200);
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(Number(gzip.headers['content-length'])).toBeLessThan(original.length / 2);
    expect(gzip.text).toBe(original.toString('utf8'));
    expect(gzip.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(gzip.headers.vary).toMatch(/accept-encoding/i);

    const brotli = await request(app.getHttpServer()).get(`/h/assets/${name}`).set('accept-encoding', 'br, gzip').expect(200);
    expect(brotli.headers['content-encoding']).toBe('br');
    const plain = await request(app.getHttpServer()).get(`/h/assets/${name}`).set('accept-encoding', 'identity').expect(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
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
