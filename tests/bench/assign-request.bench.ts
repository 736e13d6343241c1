import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import autocannon from 'autocannon';
import request from 'supertest';
import { DataSource, IsNull } from 'typeorm';
import { Exercise } from '@trellis/data';
import { createClinic, createCouple, createStaff } from '../support/factories';
import { createTestApp } from '../support/create-test-app';
import { setPassword, TEST_PASSWORD } from '../support/sign-in';
import { connectTestDatabase } from '../support/test-database';
import { FULL, recordRatio, report } from './bench-report';

// The real service with its outbox statement switched off for the baseline, and nothing else changed.
const mockOutbox = { enabled: true };
jest.mock('@trellis/jobs', () => {
  const actual = jest.requireActual('@trellis/jobs');
  return {
    ...actual,
    queueEmailsAndJobsInTransaction: (...args: Parameters<typeof actual.queueEmailsAndJobsInTransaction>) =>
      mockOutbox.enabled ? actual.queueEmailsAndJobsInTransaction(...args) : Promise.resolve(),
  };
});

const ROUNDS = FULL ? 6 : 2;
const SECONDS = FULL ? 5 : 3;
const CONNECTIONS = 10;

/**
 * Assigning homework through the whole request — session, CSRF, validation, exercise and couple
 * look-ups, assignment and both responses, couple activity, audit row — with and without what it
 * queues (both partners' ledger rows and email jobs, their reminder plans), alternated in rounds so
 * the machine's noise hits both. Nothing consumes the jobs: this measures the write, not the sending.
 */
describe('writes: POST /assignments with and without the outbox', () => {
  let db: DataSource;
  let app: NestFastifyApplication;

  beforeAll(async () => {
    db = await connectTestDatabase();
    app = await createTestApp();
    await app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await app.close();
    await db.destroy();
  });

  it('keeps the outbox cost small (throughput ratio floor 0.85)', async () => {
    const clinic = await createClinic(db);
    const therapist = await createStaff(db, clinic);
    await setPassword(db, therapist);
    // Many couples, taken in turn: assigning locks the couple's row, and one shared couple would
    // measure lock waits instead of the write.
    const couples: { id: string }[] = [];
    for (let i = 0; i < 40; i += 1) couples.push((await createCouple(db, clinic, therapist)).couple);
    const exercise = await db.getRepository(Exercise).findOneByOrFail({ clinicId: IsNull(), strategy: 'empathy' });
    const login = await request(app.getHttpServer())
      .post('/api/v1/auth/login')
      .send({ email: therapist.email, password: TEST_PASSWORD })
      .expect(200);
    const url = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}/api/v1/assignments`;
    const dueAt = new Date(Date.now() + 7 * 86_400_000).toISOString();
    let turn = 0;
    const nextBody = () =>
      JSON.stringify({ exerciseId: exercise.id, coupleIds: [couples[turn++ % couples.length].id], dueAt });
    const headers = {
      cookie: String(login.headers['set-cookie']).split(';')[0],
      'x-csrf-token': login.body.csrfToken,
      'content-type': 'application/json',
    };

    const run = async () => {
      const result = await autocannon({
        url,
        method: 'POST',
        headers,
        connections: CONNECTIONS,
        duration: SECONDS,
        requests: [{ setupRequest: (req: autocannon.Request) => ({ ...req, body: nextBody() }) }],
      });
      // autocannon stops at the deadline without waiting for requests in flight; let them finish.
      await new Promise((resolve) => setTimeout(resolve, 300));
      if (result.non2xx > 0 || result.errors > 0) throw new Error(`${result.non2xx} non-2xx, ${result.errors} errors`);
      return result.requests.total / SECONDS;
    };
    mockOutbox.enabled = true;
    await run(); // warm-up: JIT, connection pool, plan caches
    const rates = { with: [] as number[], without: [] as number[] };
    for (let round = 0; round < ROUNDS; round += 1) {
      for (const mode of round % 2 ? (['with', 'without'] as const) : (['without', 'with'] as const)) {
        mockOutbox.enabled = mode === 'with';
        rates[mode].push(await run());
      }
    }
    mockOutbox.enabled = true;
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const ratio = mean(rates.with) / mean(rates.without);
    // The switch really switched: the baseline queued nothing for its assignments.
    const [{ queued }] = await db.query(`SELECT count(*)::int AS queued FROM email_delivery WHERE clinic_id = $1`, [
      clinic.id,
    ]);
    const [{ assigned }] = await db.query(`SELECT count(*)::int AS assigned FROM assignment WHERE clinic_id = $1`, [
      clinic.id,
    ]);
    expect(queued).toBeLessThan(assigned * 2);
    expect(queued).toBeGreaterThan(0);
    report(
      `POST /assignments (one couple each, 2 partners, ${CONNECTIONS} connections, ${ROUNDS}×${SECONDS} s each): without outbox ${mean(rates.without).toFixed(0)} req/s, with outbox ${mean(rates.with).toFixed(0)} req/s, ratio ${ratio.toFixed(2)} (floor 0.85)`,
    );
    recordRatio({ name: 'writes: POST /assignments, outbox vs none', ratio, bound: 'atLeast', limit: 0.85 });
  }, 300_000);
});
