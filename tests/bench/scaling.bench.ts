import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { buildCaseloadSql } from '../../libs/features/src/couples/caseload.query';
import { CaseloadQueryDto } from '../../libs/features/src/couples/caseload-query.dto';
import { SCALE_PASSWORD, seedScaleClinic } from '../../apps/api/src/seed/scale-seed';
import { createTestApp } from '../support/create-test-app';
import { connectTestDatabase } from '../support/test-database';
import { FULL, recordRatio, report } from './bench-report';

const SMALL = { clinicId: '00000000-0000-4000-8000-00000000000b', tag: 'small', couples: 10 };
const LARGE = { clinicId: '00000000-0000-4000-8000-00000000000c', tag: 'large', couples: FULL ? 10_000 : 2_000 };
const ROUNDS = FULL ? 300 : 200;
// Untimed first rounds: the first requests pay for JIT compilation and cold caches, and with few
// rounds they alone could decide a p95.
const WARM_UP_ROUNDS = 20;

function p95(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length * 0.95)];
}

/** p95 of a small clinic's caseload and home against a large clinic's, requests interleaved so noise hits both. */
describe('scaling: caseload and home at 10 couples vs a large clinic', () => {
  let db: DataSource;
  let app: NestFastifyApplication;

  beforeAll(async () => {
    db = await connectTestDatabase();
    await seedScaleClinic(db, SMALL.couples, SMALL);
    await seedScaleClinic(db, LARGE.couples, LARGE);
    app = await createTestApp();
  }, 180_000);
  afterAll(async () => {
    await app.close();
    await db.destroy();
  });

  async function signedIn(tag: string) {
    const agent = request.agent(app.getHttpServer());
    const res = await agent
      .post('/api/v1/auth/login')
      .send({ email: `therapist1@${tag}.trellis.test`, password: SCALE_PASSWORD })
      .expect(200);
    return { agent, user: res.body.user };
  }

  it('keeps p95 at the large clinic within 1.5× of the small one, with index plans', async () => {
    const small = await signedIn(SMALL.tag);
    const large = await signedIn(LARGE.tag);
    const timings: Record<string, number[]> = {
      'small caseload': [],
      'large caseload': [],
      'small home': [],
      'large home': [],
    };
    const time = async (key: string, call: () => Promise<unknown>) => {
      const started = process.hrtime.bigint();
      await call();
      timings[key].push(Number(process.hrtime.bigint() - started) / 1e6);
    };
    const caseload = (who: typeof small) => who.agent.get('/api/v1/couples?perPage=25').expect(200);
    const home = (who: typeof small) => who.agent.get('/api/v1/home').expect(200);
    for (let i = 0; i < WARM_UP_ROUNDS; i += 1) {
      for (const who of [small, large]) {
        await caseload(who);
        await home(who);
      }
    }
    for (let i = 0; i < ROUNDS; i += 1) {
      // Alternate which clinic goes first, so neither always follows the other's request.
      const order = i % 2 === 0 ? (['small', 'large'] as const) : (['large', 'small'] as const);
      for (const tag of order) await time(`${tag} caseload`, () => caseload(tag === 'small' ? small : large));
      for (const tag of order) await time(`${tag} home`, () => home(tag === 'small' ? small : large));
    }
    const ratios = {
      caseload: p95(timings['large caseload']) / p95(timings['small caseload']),
      home: p95(timings['large home']) / p95(timings['small home']),
    };
    report(
      `scaling ${SMALL.couples} vs ${LARGE.couples} couples, ${ROUNDS} interleaved rounds after ${WARM_UP_ROUNDS} untimed: caseload p95 ${p95(timings['small caseload']).toFixed(1)} → ${p95(timings['large caseload']).toFixed(1)} ms (ratio ${ratios.caseload.toFixed(2)}, ceiling 1.5); home p95 ${p95(timings['small home']).toFixed(1)} → ${p95(timings['large home']).toFixed(1)} ms (ratio ${ratios.home.toFixed(2)}, ceiling 1.5)`,
    );

    // The plan behind the caseload at the large clinic: index scans, no sequential scan of couples.
    const query = Object.assign(new CaseloadQueryDto(), { page: 1, perPage: 25, sort: 'nextSessionAt', order: 'ASC' });
    const { sql, params } = buildCaseloadSql({ id: large.user.id, role: 'therapist', clinicId: LARGE.clinicId }, query);
    const plan: { 'QUERY PLAN': string }[] = await db.query(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params);
    const text = plan.map((row) => row['QUERY PLAN']).join('\n');
    const dir = join(__dirname, '..', '..', 'test-output', 'bench');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'caseload-plan.txt'), text);
    expect(text).not.toMatch(/Seq Scan on couple\b/);
    recordRatio({ name: 'scaling: caseload p95 large vs small', ratio: ratios.caseload, bound: 'atMost', limit: 1.5 });
    recordRatio({ name: 'scaling: home p95 large vs small', ratio: ratios.home, bound: 'atMost', limit: 1.5 });
  }, 300_000);
});
