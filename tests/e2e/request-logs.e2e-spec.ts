import { Logger } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { DataSource, IsNull } from 'typeorm';
import { Exercise } from '@trellis/data';
import type { Prompt } from '@trellis/domain';
import { prettyLine } from '@trellis/features';
import { createTestApp } from '../support/create-test-app';
import { followEmailedLink } from '../support/email-links';
import { createClinic, createCouple, createStaff } from '../support/factories';
import { completeAnswersFor, HOMEWORK_HEADER, openHomeworkAs } from '../support/homework-flow';
import { setPassword, signIn } from '../support/sign-in';
import { connectTestDatabase } from '../support/test-database';
import { startWorkerWithMailbox } from '../support/worker-harness';

/** What the API wrote to stdout while `work` ran. */
async function stdoutDuring(work: () => Promise<void>): Promise<string> {
  const written: string[] = [];
  const original = process.stdout.write.bind(process.stdout);
  const spy = jest.spyOn(process.stdout, 'write').mockImplementation(((chunk: string | Uint8Array) => {
    written.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    return true;
  }) as typeof process.stdout.write);
  try {
    await work();
    // Pino writes as it logs; give the last onResponse hook its turn.
    await new Promise((resolve) => setTimeout(resolve, 50));
  } finally {
    spy.mockRestore();
    void original;
  }
  return written.join('');
}

describe('request logs: one JSON line per request, no link token, no clinical text', () => {
  let app: NestFastifyApplication;
  let db: DataSource;
  let harness: Awaited<ReturnType<typeof startWorkerWithMailbox>>;

  beforeAll(async () => {
    db = await connectTestDatabase();
    harness = await startWorkerWithMailbox();
    app = await createTestApp({ LOG_LEVEL: 'log', LOG_FORMAT: 'json' });
  });
  afterAll(async () => {
    await app.close();
    await harness.stop();
    await db.destroy();
  });

  it('logs request id, route template, status and duration for a whole homework round trip, and never the token or answers', async () => {
    const clinic = await createClinic(db);
    const dana = await createStaff(db, clinic);
    await setPassword(db, dana);
    const { couple, partners } = await createCouple(db, clinic, dana);
    const exercise = await db.getRepository(Exercise).findOneByOrFail({ clinicId: IsNull(), strategy: 'patience' });
    const asDana = await signIn(app, dana.email);
    await asDana.agent
      .post('/api/v1/assignments')
      .set('x-csrf-token', asDana.csrfToken)
      .send({ exerciseId: exercise.id, coupleIds: [couple.id], dueAt: new Date(Date.now() + 5 * 864e5).toISOString() })
      .expect(201);
    const email = await harness.mailbox.waitForMessageTo(partners[0].email, /Homework from/);
    const { token } = await followEmailedLink(app.getHttpServer(), email.raw, 'homework');
    const secretAnswer = 'We argued about the in-laws again on Sunday';

    const output = await stdoutDuring(async () => {
      await request(app.getHttpServer()).get(`/h/${token}`);
      await request(app.getHttpServer()).post('/api/v1/homework/link').send({ token }).expect(200);
      const alex = await openHomeworkAs(app, token);
      const view = await alex.get('/api/v1/homework/current').expect(200);
      const prompts: Prompt[] = view.body.prompts ?? view.body.exercise?.prompts ?? [];
      const answers = completeAnswersFor(prompts);
      const longText = prompts.find((p) => p.kind === 'long_text');
      expect(longText).toBeDefined();
      answers[(longText as Prompt).id] = secretAnswer;
      await alex.put('/api/v1/homework/current/draft').set(HOMEWORK_HEADER).send({ answers }).expect(200);
      await request(app.getHttpServer()).get(`/api/v1/couples/${couple.id}`).expect(401);
      // An app line (any `new Logger(Context)`): through the same pino logger as the request lines.
      new Logger('RequestLogsProbe').warn('probe line');
    });

    const lines = output.split('\n').filter(Boolean);
    const parsed = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    const requests = parsed.filter((entry) => entry.msg === 'request');
    expect(requests.map((r) => `${r.method} ${r.route} ${r.status}`)).toEqual(
      expect.arrayContaining([
        'POST /api/v1/homework/link 200',
        'POST /api/v1/homework/session 200',
        'GET /api/v1/homework/current 200',
        'PUT /api/v1/homework/current/draft 200',
        'GET /api/v1/couples/:id 401',
      ]),
    );
    expect(requests.length).toBeGreaterThanOrEqual(6);
    for (const entry of requests) {
      expect(entry).toEqual(
        expect.objectContaining({
          level: 30,
          app: 'api',
          reqId: expect.stringMatching(/^[0-9a-f-]{36}$/),
          durationMs: expect.any(Number),
          time: expect.any(Number),
        }),
      );
    }
    expect(new Set(requests.map((r) => r.reqId)).size).toBe(requests.length);
    // One format for every line: pino's, app lines included (Nest's logger writes through pino).
    for (const entry of parsed)
      expect(entry).toEqual(
        expect.objectContaining({ level: expect.any(Number), time: expect.any(Number), pid: process.pid }),
      );
    expect(parsed.find((entry) => entry.msg === 'probe line')).toEqual(
      expect.objectContaining({ level: 40, app: 'api', context: 'RequestLogsProbe' }),
    );
    // The page the link opens is logged by its template (or as unmatched without a build), never its path.
    const page = requests.find((r) => r.method === 'GET' && !String(r.route).startsWith('/api/'));
    expect(page?.route).toMatch(/^(\/h\/\*|unmatched)$/);
    expect(output).not.toContain(token);
    expect(output).not.toContain(secretAnswer);
    expect(output).not.toContain(partners[0].email);
    expect(output).not.toContain(couple.id);
    expect(output).not.toMatch(/cookie|x-csrf/i);
  });

  it('reads as one short line in npm start (LOG_FORMAT pretty)', () => {
    const line = prettyLine({
      time: Date.parse('2026-12-05T12:04:31Z'),
      msg: 'request',
      reqId: 'a1b2',
      method: 'GET',
      route: '/api/v1/couples/:id',
      status: 200,
      durationMs: 8.1,
    });
    expect(line).toBe('12:04:31 GET /api/v1/couples/:id 200 8.1 ms a1b2\n');
  });
});
