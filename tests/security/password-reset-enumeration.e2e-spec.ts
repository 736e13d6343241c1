import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createClinic, createStaff } from '../support/factories';
import { createTestApp } from '../support/create-test-app';
import { setPassword } from '../support/sign-in';
import { connectTestDatabase } from '../support/test-database';
import { followEmailedLink } from '../support/email-links';
import { startWorkerWithMailbox } from '../support/worker-harness';

const TABLES = ['password_reset_request', 'outbox', 'auth_token', 'email_delivery', 'audit_event'] as const;

/**
 * `POST /auth/password-reset` must not tell who has an account, by its answer or by its timing
 * (security issue, item 6): it records the request and answers; the worker does the look-up.
 */
describe('password reset: no account enumeration', () => {
  let app: NestFastifyApplication;
  let db: DataSource;

  beforeAll(async () => {
    app = await createTestApp();
    db = await connectTestDatabase();
  });
  afterAll(async () => {
    await app.close();
    await db.destroy();
  });

  async function rowCounts(): Promise<Record<string, number>> {
    const counts: Record<string, number> = {};
    for (const table of TABLES) {
      const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM ${table}`);
      counts[table] = n;
    }
    return counts;
  }

  /** The request's answer and the rows it wrote before answering (no worker is running yet). */
  async function resetFor(email: string) {
    const before = await rowCounts();
    const res = await request(app.getHttpServer()).post('/api/v1/auth/password-reset').send({ email });
    const after = await rowCounts();
    const written = Object.fromEntries(TABLES.map((t) => [t, after[t] - before[t]]));
    const [job] = await db.query(
      `SELECT queue, job_name, payload, job_id FROM outbox WHERE job_name = 'request-password-reset' ORDER BY id DESC LIMIT 1`,
    );
    return { res, written, job };
  }

  it('answers a known and an unknown address identically, doing the same work; the worker then mails only the known one', async () => {
    const clinic = await createClinic(db);
    const staff = await createStaff(db, clinic);
    await setPassword(db, staff);
    const unknownEmail = `nobody-${Date.now()}@example.test`;

    const known = await resetFor(staff.email);
    const unknown = await resetFor(unknownEmail);

    // The answer: status, body and every header but the date.
    expect(known.res.status).toBe(202);
    expect(unknown.res.status).toBe(202);
    expect(known.res.body).toEqual(unknown.res.body);
    const headers = (res: request.Response) => {
      const { date: _date, ...rest } = res.headers as Record<string, string>;
      return rest;
    };
    expect(headers(known.res)).toEqual(headers(unknown.res));
    expect(known.res.headers['set-cookie']).toBeUndefined();

    // The synchronous work: one request row and one outbox row each, nothing else (no link, no
    // email, no audit row until the worker looks the address up).
    const sameWork = {
      password_reset_request: 1,
      outbox: 1,
      auth_token: 0,
      email_delivery: 0,
      audit_event: 0,
    };
    expect(known.written).toEqual(sameWork);
    expect(unknown.written).toEqual(sameWork);
    // The jobs are alike too, and carry an id, never the address.
    for (const { job } of [known, unknown]) {
      expect(job.queue).toBe('accounts');
      expect(Object.keys(job.payload).sort()).toEqual(['clinicId', 'requestId']);
      expect(job.payload.clinicId).toBeNull();
      expect(JSON.stringify(job.payload)).not.toContain('@');
      expect(job.job_id).toBe(`password-reset-request-${job.payload.requestId}`);
    }

    // The worker: the reset email reaches the known address; nothing goes to the unknown one.
    const harness = await startWorkerWithMailbox();
    try {
      const message = await harness.mailbox.waitForMessageTo(staff.email, /reset/i);
      const { answer } = await followEmailedLink(app.getHttpServer(), message.raw, 'password-reset');
      expect(answer.body.email).toBe(staff.email);
      // Both requests are handled and their rows (with the addresses typed) are gone.
      const deadline = Date.now() + 10_000;
      while ((await rowCounts()).password_reset_request > 0 && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 50));
      expect((await rowCounts()).password_reset_request).toBe(0);
      expect(harness.mailbox.messagesTo(unknownEmail)).toHaveLength(0);

      // The audit row names the account and the address the request came from, not the worker.
      const audit = await db.query(
        `SELECT actor_type, actor_id, clinic_id, host(ip) AS ip FROM audit_event WHERE action = 'auth.password_reset_request'`,
      );
      expect(audit).toEqual([
        { actor_type: 'anonymous', actor_id: staff.id, clinic_id: clinic.id, ip: expect.any(String) },
      ]);
    } finally {
      await harness.stop();
    }
  });
});
