import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { TRUST_AND_CONNECTION_CHECK_IN } from '@trellis/domain';
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

/**
 * Check-ins for every active couple of a scale clinic: 12 weekly scores per partner, partner 1
 * drifting down in every fifth couple (so the home screen's Off-track panel has couples to list),
 * and two years of weekly check-ins for the first couple (the Progress tab's long history).
 * Written here, not in the scale seed: scored check-ins cannot be deleted, and the seed rebuilds.
 */
async function seedCheckIns(
  db: DataSource,
  clinicId: string,
  tag: string,
): Promise<{ coupleId: string; measureId: string }> {
  const [{ measure_id: measureId, version_id: versionId }] = await db.query(
    `SELECT m.id AS measure_id, v.id AS version_id FROM measure m
     JOIN measure_version v ON v.measure_id = m.id AND v.version = m.current_version
     WHERE m.key = $1 AND m.clinic_id IS NULL`,
    [TRUST_AND_CONNECTION_CHECK_IN.key],
  );
  const first = (await db.query(`SELECT md5($1 || 'couple' || 1)::uuid AS id`, [tag]))[0].id as string;
  await db.query(
    `INSERT INTO measure_response (clinic_id, couple_id, client_id, measure_id, measure_version_id, occurrence,
       answers, item_scores, score, prorated, band, submitted_at)
     SELECT $1, cl.couple_id, cl.id, $2, $3, 'week-' || w, '{}', '{}',
            CASE WHEN cl.position = 1 AND abs(hashtext(cl.couple_id::text)) % 5 = 0 THEN greatest(0, 40 - 3 * w) ELSE 25 + (w % 3) END,
            false, NULL, now() - ((CASE WHEN cl.couple_id = $4 THEN 104 ELSE 12 END - w) * 7 || ' days')::interval
     FROM client cl JOIN couple c ON c.id = cl.couple_id
     CROSS JOIN LATERAL generate_series(1, CASE WHEN cl.couple_id = $4 THEN 104 ELSE 12 END) AS w
     WHERE c.clinic_id = $1 AND c.status = 'active'`,
    [clinicId, measureId, versionId, first],
  );
  return { coupleId: first, measureId };
}

/** p95 of a small clinic's caseload, home and Progress tab against a large clinic's, requests interleaved so noise hits both. */
describe('scaling: caseload, home and progress at 10 couples vs a large clinic', () => {
  let db: DataSource;
  let app: NestFastifyApplication;
  const progress: Record<'small' | 'large', { coupleId: string; measureId: string }> = {
    small: { coupleId: '', measureId: '' },
    large: { coupleId: '', measureId: '' },
  };

  beforeAll(async () => {
    db = await connectTestDatabase();
    await seedScaleClinic(db, SMALL.couples, SMALL);
    await seedScaleClinic(db, LARGE.couples, LARGE);
    progress.small = await seedCheckIns(db, SMALL.clinicId, SMALL.tag);
    progress.large = await seedCheckIns(db, LARGE.clinicId, LARGE.tag);
    await db.query(`ANALYZE measure_response`);
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
      'small progress': [],
      'large progress': [],
    };
    const time = async (key: string, call: () => Promise<unknown>) => {
      const started = process.hrtime.bigint();
      await call();
      timings[key].push(Number(process.hrtime.bigint() - started) / 1e6);
    };
    const caseload = (who: typeof small) => who.agent.get('/api/v1/couples?perPage=25').expect(200);
    const home = (who: typeof small) => who.agent.get('/api/v1/home').expect(200);
    // The Progress tab's read: the first couple of each clinic, two years of weekly check-ins.
    const chart = (tag: 'small' | 'large') =>
      (tag === 'small' ? small : large).agent
        .get(`/api/v1/couples/${progress[tag].coupleId}/measures/${progress[tag].measureId}/responses`)
        .expect(200);
    for (let i = 0; i < WARM_UP_ROUNDS; i += 1) {
      for (const who of [small, large]) {
        await caseload(who);
        await home(who);
      }
      await chart('small');
      await chart('large');
    }
    for (let i = 0; i < ROUNDS; i += 1) {
      // Alternate which clinic goes first, so neither always follows the other's request.
      const order = i % 2 === 0 ? (['small', 'large'] as const) : (['large', 'small'] as const);
      for (const tag of order) await time(`${tag} caseload`, () => caseload(tag === 'small' ? small : large));
      for (const tag of order) await time(`${tag} home`, () => home(tag === 'small' ? small : large));
      for (const tag of order) await time(`${tag} progress`, () => chart(tag));
    }
    const ratios = {
      caseload: p95(timings['large caseload']) / p95(timings['small caseload']),
      home: p95(timings['large home']) / p95(timings['small home']),
      progress: p95(timings['large progress']) / p95(timings['small progress']),
    };
    report(
      `scaling ${SMALL.couples} vs ${LARGE.couples} couples, ${ROUNDS} interleaved rounds after ${WARM_UP_ROUNDS} untimed: caseload p95 ${p95(timings['small caseload']).toFixed(1)} → ${p95(timings['large caseload']).toFixed(1)} ms (ratio ${ratios.caseload.toFixed(2)}, ceiling 1.5); home p95 ${p95(timings['small home']).toFixed(1)} → ${p95(timings['large home']).toFixed(1)} ms (ratio ${ratios.home.toFixed(2)}, ceiling 1.5); progress (104 weeks) p95 ${p95(timings['small progress']).toFixed(1)} → ${p95(timings['large progress']).toFixed(1)} ms (ratio ${ratios.progress.toFixed(2)}, ceiling 1.5)`,
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
    recordRatio({
      name: 'scaling: progress tab p95 large vs small',
      ratio: ratios.progress,
      bound: 'atMost',
      limit: 1.5,
    });
  }, 300_000);
});
