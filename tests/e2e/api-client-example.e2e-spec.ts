import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { spawn } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { createTestApp } from '../support/create-test-app';
import { createAssignment, createClinic, createCouple, createStaff } from '../support/factories';
import { setPassword, signIn } from '../support/sign-in';
import { connectTestDatabase } from '../support/test-database';

const ROOT = join(__dirname, '..', '..');
const DAY = 24 * 3600 * 1000;

/** Runs examples/api-client.ts the way docs/api.md tells an integrator to: a plain `node` run. */
function runExample(
  env: Record<string, string>,
  args: string[] = [],
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['examples/api-client.ts', ...args], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('the integrator example (examples/api-client.ts, docs/api.md)', () => {
  let app: NestFastifyApplication;
  let db: DataSource;
  let baseUrl: string;

  beforeAll(async () => {
    app = await createTestApp();
    await app.listen({ port: 0, host: '127.0.0.1' });
    baseUrl = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
    db = await connectTestDatabase();
  });
  afterAll(async () => {
    await app.close();
    await db.destroy();
  });

  it("lists the clinic's couples and their assignments with a read-only token, paging through every list", async () => {
    const clinic = await createClinic(db);
    const admin = await createStaff(db, clinic, { role: 'admin' });
    const therapist = await createStaff(db, clinic);
    await setPassword(db, admin);
    const busy = await createCouple(db, clinic, therapist, { displayName: 'Able & Baker' });
    const quiet = await createCouple(db, clinic, therapist, { displayName: 'Carter & Drew' });
    const first = await createAssignment(db, busy.couple, busy.partners, { dueAt: new Date(Date.now() + 3 * DAY) });
    const second = await createAssignment(db, busy.couple, busy.partners, {
      dueAt: new Date(Date.now() - DAY),
      submitted: [true, false],
    });
    const elsewhere = await createClinic(db);
    await createCouple(db, elsewhere, await createStaff(db, elsewhere), { displayName: 'Other Clinic' });

    const session = await signIn(app, admin.email);
    const created = await session.agent
      .post('/api/v1/api-tokens')
      .set('x-csrf-token', session.csrfToken)
      .send({ name: 'Example script', scope: 'read', expiresAt: new Date(Date.now() + 30 * DAY).toISOString() })
      .expect(201);

    const run = await runExample({ TRELLIS_URL: baseUrl, TRELLIS_API_TOKEN: created.body.token });
    expect(run.stderr).not.toMatch(/Error/);
    expect(run.code).toBe(0);
    const rows = run.stdout
      .trim()
      .split('\n')
      .map(
        (line) => JSON.parse(line) as { couple: { id: string; displayName: string }; assignments: { id: string }[] },
      );
    expect(rows.map((r) => r.couple.displayName)).toEqual(['Able & Baker', 'Carter & Drew']);
    expect(rows[0]?.couple.id).toBe(busy.couple.id);
    expect(rows[0]?.assignments.map((a) => a.id).sort()).toEqual([first.id, second.id].sort());
    expect(rows[1]).toMatchObject({ couple: { id: quiet.couple.id }, assignments: [] });
  });

  it("exports the record of a couple the token's admin counsels, and only such a couple", async () => {
    const clinic = await createClinic(db);
    const admin = await createStaff(db, clinic, { role: 'admin' });
    const therapist = await createStaff(db, clinic);
    await setPassword(db, admin);
    const own = await createCouple(db, clinic, admin, { displayName: 'Ellis & Finch' });
    const homework = await createAssignment(db, own.couple, own.partners, {
      dueAt: new Date(Date.now() - DAY),
      submitted: [true, true],
    });
    const colleagues = await createCouple(db, clinic, therapist, { displayName: 'Gray & Hale' });

    const session = await signIn(app, admin.email);
    const created = await session.agent
      .post('/api/v1/api-tokens')
      .set('x-csrf-token', session.csrfToken)
      .send({ name: 'Records export', scope: 'read', expiresAt: new Date(Date.now() + 30 * DAY).toISOString() })
      .expect(201);
    const env = { TRELLIS_URL: baseUrl, TRELLIS_API_TOKEN: created.body.token as string };

    const run = await runExample(env, ['export', own.couple.id]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const record = JSON.parse(run.stdout) as {
      exportedAt: string;
      couple: { id: string; displayName: string; therapistId: string };
      assignments: { id: string; answers: { partner: number; submittedAt: string | null }[] }[];
    };
    expect(record.couple).toMatchObject({ id: own.couple.id, displayName: 'Ellis & Finch', therapistId: admin.id });
    expect(record.assignments.map((a) => a.id)).toEqual([homework.id]);
    expect(record.assignments[0]?.answers.map((a) => a.partner).sort()).toEqual([1, 2]);

    // The token acts as the admin, and the export is the couple's own therapist's: a colleague's
    // couple is not theirs to export, even for an admin, and answers like one that does not exist.
    const refused = await runExample(env, ['export', colleagues.couple.id]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(
      new RegExp(`^404 Not Found on GET /api/v1/couples/${colleagues.couple.id}/export`, 'm'),
    );

    // Both attempts are in the audit trail under the token's name.
    const trail = await session.agent.get('/api/v1/audit?action=couple.export').expect(200);
    expect(trail.body.data).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ actorType: 'api_token', recordId: own.couple.id, outcome: 'success' }),
      ]),
    );
  });

  it('fails with the problem+json reason when the token is not valid', async () => {
    const run = await runExample({ TRELLIS_URL: baseUrl, TRELLIS_API_TOKEN: 'not-a-real-token' });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^401 Unauthorized on GET \/api\/v1\/couples/m);
  });

  it('says which settings it needs when they are missing', async () => {
    const run = await runExample({});
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('TRELLIS_API_TOKEN');
  });
});
