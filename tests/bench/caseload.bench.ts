import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import autocannon from 'autocannon';
import Fastify from 'fastify';
import { Pool } from 'pg';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { buildCaseloadSql } from '../../libs/features/src/couples/caseload.query';
import { CaseloadQueryDto } from '../../libs/features/src/couples/caseload-query.dto';
import { buildCoupleDetailSql } from '../../libs/features/src/couples/couple-detail.query';
import { SCALE_CLINIC_ID, SCALE_PASSWORD, seedScaleClinic } from '../../apps/api/src/seed/scale-seed';
import { createTestApp } from '../support/create-test-app';
import { connectTestDatabase } from '../support/test-database';
import { FULL, recordRatio, report } from './bench-report';

const DURATION = FULL ? 5 : 3;
// Rounds alternate which server goes first; the ratio is the median over rounds, so one noisy
// interval on a shared machine (seen: ±50 % between identical runs) cannot decide it.
const ROUNDS = FULL ? 5 : 3;
const CONNECTIONS = 10;

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

async function load(url: string, headers: Record<string, string> = {}) {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: DURATION, headers });
  // autocannon stops at the deadline without waiting for requests in flight; let them finish
  // before the next run (or the app's shutdown) so they don't end in errors.
  await new Promise((resolve) => setTimeout(resolve, 300));
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return { rps: result.requests.average, p99: result.latency.p99 };
}

/**
 * The caseload endpoint through the whole NestJS stack (session, tenancy, validation, audit row)
 * against a bare Fastify + pg handler running the same SQL in the same process.
 */
describe('caseload and couple detail: API vs raw SQL', () => {
  let db: DataSource;
  let app: NestFastifyApplication;
  let apiUrl: string;
  let cookie: string;
  let therapistId: string;

  beforeAll(async () => {
    db = await connectTestDatabase();
    await seedScaleClinic(db, FULL ? 10_000 : 2_000);
    app = await createTestApp();
    await app.listen({ port: 0, host: '127.0.0.1' });
    apiUrl = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
    const login = await request(app.getHttpServer())
      .post('/api/v1/auth/login')
      .send({ email: 'therapist1@scale.trellis.test', password: SCALE_PASSWORD })
      .expect(200);
    cookie = String(login.headers['set-cookie']).split(';')[0];
    therapistId = login.body.user.id;
  }, 120_000);
  afterAll(async () => {
    await app.close();
    await db.destroy();
  });

  /**
   * The API path against a bare Fastify + pg handler running `sql` (what the endpoint runs), both
   * warmed, then measured in alternating rounds; records the median throughput and p99 ratios under `name`.
   */
  async function compareWithRawSql(name: string, label: string, sql: string, params: unknown[], apiPath: string) {
    const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
    const raw = Fastify();
    raw.get('/raw', async () => ({ data: (await pool.query(sql, params)).rows }));
    await raw.listen({ port: 0, host: '127.0.0.1' });
    const rawUrl = `http://127.0.0.1:${(raw.server.address() as { port: number }).port}/raw`;
    try {
      await load(rawUrl);
      await load(`${apiUrl}${apiPath}`, { cookie });
      const rounds: { raw: Awaited<ReturnType<typeof load>>; api: Awaited<ReturnType<typeof load>> }[] = [];
      for (let round = 0; round < ROUNDS; round += 1) {
        const first = round % 2 === 0 ? await load(rawUrl) : await load(`${apiUrl}${apiPath}`, { cookie });
        const second = round % 2 === 0 ? await load(`${apiUrl}${apiPath}`, { cookie }) : await load(rawUrl);
        rounds.push(round % 2 === 0 ? { raw: first, api: second } : { raw: second, api: first });
      }
      const throughputs = rounds.map((r) => r.api.rps / r.raw.rps);
      const p99s = rounds.map((r) => r.api.p99 / Math.max(r.raw.p99, 1));
      const throughput = median(throughputs);
      const p99 = median(p99s);
      const rps = (pick: 'raw' | 'api') => median(rounds.map((r) => r[pick].rps)).toFixed(0);
      const latency = (pick: 'raw' | 'api') => median(rounds.map((r) => r[pick].p99));
      report(
        `${label}: raw ${rps('raw')} req/s p99 ${latency('raw')} ms; API ${rps('api')} req/s p99 ${latency('api')} ms (medians of ${ROUNDS} alternating rounds of ${DURATION} s); ` +
          `throughput ratio ${throughput.toFixed(2)} (floor 0.5; rounds ${throughputs.map((r) => r.toFixed(2)).join(' / ')}), p99 ratio ${p99.toFixed(2)} (ceiling 2; rounds ${p99s.map((r) => r.toFixed(2)).join(' / ')})`,
      );
      recordRatio({ name: `${name}: API vs raw SQL throughput`, ratio: throughput, bound: 'atLeast', limit: 0.5 });
      recordRatio({ name: `${name}: API vs raw SQL p99`, ratio: p99, bound: 'atMost', limit: 2 });
    } finally {
      await raw.close();
      await pool.end();
    }
  }

  it('serves the caseload at ≥ 0.5× the throughput of raw SQL, p99 ≤ 2×', async () => {
    const query = Object.assign(new CaseloadQueryDto(), { page: 1, perPage: 25, sort: 'nextSessionAt', order: 'ASC' });
    const { sql, params } = buildCaseloadSql({ id: therapistId, role: 'therapist', clinicId: SCALE_CLINIC_ID }, query);
    const label = `caseload page of 25 (therapist with 50 couples, clinic of ${FULL ? 10_000 : 2_000})`;
    await compareWithRawSql('caseload', label, sql, params, '/api/v1/couples?perPage=25&sort=nextSessionAt&order=ASC');
  }, 300_000);

  it('serves the couple detail at ≥ 0.5× the throughput of raw SQL, p99 ≤ 2×', async () => {
    const [{ id: coupleId }] = await db.query(`SELECT id FROM couple WHERE therapist_id = $1 ORDER BY id LIMIT 1`, [
      therapistId,
    ]);
    const { sql, params } = buildCoupleDetailSql(
      { id: therapistId, role: 'therapist', clinicId: SCALE_CLINIC_ID },
      coupleId,
    );
    const label = `couple detail (therapist's own couple, clinic of ${FULL ? 10_000 : 2_000})`;
    await compareWithRawSql('couple detail', label, sql, params, `/api/v1/couples/${coupleId}`);
  }, 300_000);
});
