import { ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { DataSource, IsNull } from 'typeorm';
import { Exercise, HomeworkResponse, StaffUser } from '@trellis/data';
import type { Prompt } from '@trellis/domain';
import { bullConnectionOptions, QueueName } from '@trellis/jobs';
import { tokenFromEmail } from '../support/email-links';
import { createClinic, createCouple, createStaff } from '../support/factories';
import { until } from '../support/eventually';
import { completeAnswersFor } from '../support/homework-flow';
import { setPassword, TEST_PASSWORD } from '../support/sign-in';
import { CapturedEmail, SmtpCapture } from '../support/smtp-capture';
import { connectTestDatabase } from '../support/test-database';

/**
 * Two built API processes and two built workers on one PostgreSQL and one Redis, a mixed workload
 * sent round-robin to both APIs, one API and one worker SIGKILLed mid-run and restarted, then a
 * rolling SIGTERM restart of the other pair. The figures go to docs/reliability.md
 * ("Several replicas, processes killed").
 *
 * The documented retry (README, "Operations"): a request whose connection is refused or reset
 * before an answer is sent again to the other replica, as a load balancer does. Nothing else is
 * retried; any other unexpected answer fails the test.
 */
const DIST = join(__dirname, '..', '..', 'dist', 'apps');
const API_MAIN = join(DIST, 'api', 'apps', 'api', 'src', 'main.js');
const WORKER_MAIN = join(DIST, 'worker', 'apps', 'worker', 'src', 'main.js');
const COUPLES_PER_THERAPIST = 4;

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Replica {
  name: string;
  kind: 'api' | 'worker';
  port?: number;
  child?: ChildProcess;
  up: boolean;
}

/**
 * Where the run is: before the kill, from the SIGKILL of api-a and worker-a to their restart, during
 * the rolling SIGTERM restart of api-b and worker-b, and after it. Retries are counted per phase: a
 * SIGKILL drops connections (the documented retry), a graceful restart must not.
 */
type Phase = 'before' | 'sigkill' | 'rolling' | 'after';
let phase: Phase = 'before';
const stats = {
  requests: 0,
  answered: 0,
  /** Requests given up on: no answer from any replica after the retries. */
  lost: 0,
  retried: { before: 0, sigkill: 0, rolling: 0, after: 0 } as Record<Phase, number>,
  byReplica: {} as Record<string, number>,
};

describe('several replicas: two APIs and two workers, killed and restarted mid-run', () => {
  let db: DataSource;
  let smtp: SmtpCapture;
  let env: NodeJS.ProcessEnv;
  const apis: Replica[] = [];
  const workers: Replica[] = [];
  let next = 0;
  const therapists: StaffUser[] = [];
  const couples: Awaited<ReturnType<typeof createCouple>>[] = [];

  async function start(replica: Replica): Promise<void> {
    const main = replica.kind === 'api' ? API_MAIN : WORKER_MAIN;
    const child = spawn(process.execPath, [main], {
      env: replica.kind === 'api' ? { ...env, PORT: String(replica.port) } : env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    replica.child = child;
    child.stderr?.on('data', (chunk) => process.stderr.write(`[${replica.name}] ${chunk}`));
    // Ready: the API answers its health check; the worker says it runs (after connecting).
    let said = '';
    child.stdout?.on('data', (chunk) => (said += String(chunk)));
    const deadline = Date.now() + 60_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`${replica.name} exited while starting (${child.exitCode})`);
      if (replica.kind === 'worker' && said.includes('Trellis worker running')) break;
      if (replica.kind === 'api') {
        try {
          const res = await fetch(`http://127.0.0.1:${replica.port}/api/v1/health/live`);
          if (res.ok) break;
        } catch {
          // not listening yet
        }
      }
      if (Date.now() > deadline) throw new Error(`${replica.name} did not start`);
      await pause(100);
    }
    replica.up = true;
  }

  async function stop(replica: Replica, signal: 'SIGKILL' | 'SIGTERM'): Promise<void> {
    const child = replica.child as ChildProcess;
    replica.up = false;
    if (child.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill(signal);
    });
  }

  /** A person's browser: cookies kept across replicas, each request to the next API in turn. */
  class Browser {
    private readonly cookies = new Map<string, string>();
    csrf = '';
    constructor(private readonly headers: Record<string, string> = {}) {}

    async send(method: string, path: string, body?: unknown, only?: Replica): Promise<{ status: number; body: any }> {
      stats.requests += 1;
      for (let attempt = 0; ; attempt += 1) {
        const live = apis.filter((a) => a.up);
        const api = only ?? live[next++ % live.length] ?? apis[next++ % apis.length];
        try {
          const res = await fetch(`http://127.0.0.1:${api.port}${path}`, {
            method,
            headers: {
              ...this.headers,
              ...(body === undefined ? {} : { 'content-type': 'application/json' }),
              ...(this.csrf ? { 'x-csrf-token': this.csrf } : {}),
              'x-homework-csrf': '1',
              cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
            },
            body: body === undefined ? undefined : JSON.stringify(body),
          });
          for (const header of res.headers.getSetCookie()) {
            const [pair] = header.split(';');
            const at = pair.indexOf('=');
            this.cookies.set(pair.slice(0, at), pair.slice(at + 1));
          }
          const text = await res.text();
          stats.byReplica[api.name] = (stats.byReplica[api.name] ?? 0) + 1;
          stats.answered += 1;
          return { status: res.status, body: text ? JSON.parse(text) : null };
        } catch (error) {
          // Refused or reset before an answer: the documented retry, on the other replica.
          if (only || attempt >= 20) {
            stats.lost += 1;
            throw error;
          }
          stats.retried[phase] += 1;
          await pause(100);
        }
      }
    }

    async expect(status: number | number[], method: string, path: string, body?: unknown, only?: Replica) {
      const res = await this.send(method, path, body, only);
      if (![status].flat().includes(res.status)) {
        throw new Error(`${method} ${path}: expected ${status}, got ${res.status} ${JSON.stringify(res.body)}`);
      }
      return res;
    }
  }

  beforeAll(async () => {
    if (!existsSync(API_MAIN) || !existsSync(WORKER_MAIN)) {
      throw new Error('No API or worker build: run `npx nx run-many -t build -p api worker` first (`npm test` does).');
    }
    db = await connectTestDatabase();
    smtp = new SmtpCapture();
    const smtpUrl = await smtp.start();
    env = {
      ...process.env,
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      SMTP_URL: smtpUrl,
      OUTBOX_RELAY_INTERVAL_MS: '100',
      // The rate-limit check below names its client address, as a load balancer would.
      TRUST_PROXY: 'true',
      DATABASE_POOL_SIZE: '4',
      WORKER_CONCURRENCY: '4',
    };
    // The people exist before any worker starts: its start-up sync plans their weekly digests.
    const clinic = await createClinic(db);
    for (let t = 0; t < 2; t += 1) {
      const therapist = await createStaff(db, clinic);
      await setPassword(db, therapist);
      therapists.push(therapist);
      for (let c = 0; c < COUPLES_PER_THERAPIST; c += 1) couples.push(await createCouple(db, clinic, therapist));
    }
    for (const name of ['api-a', 'api-b']) apis.push({ name, kind: 'api', port: await freePort(), up: false });
    for (const name of ['worker-a', 'worker-b']) workers.push({ name, kind: 'worker', up: false });
    await Promise.all([...apis, ...workers].map((r) => start(r)));
  }, 120_000);

  afterAll(async () => {
    await Promise.all([...apis, ...workers].filter((r) => r.child).map((r) => stop(r, 'SIGKILL')));
    await smtp?.stop();
    await db?.destroy();
  });

  it('loses no request, sends every email once, shares sessions and rate limits, keeps one digest schedule each', async () => {
    const startedAt = Date.now();
    const exercise = await db.getRepository(Exercise).findOneByOrFail({ clinicId: IsNull(), strategy: 'patience' });

    // A session opened on one API works on the other.
    const staff = therapists.map(() => new Browser());
    for (const [i, browser] of staff.entries()) {
      const login = await browser.expect(
        200,
        'POST',
        '/api/v1/auth/login',
        {
          email: therapists[i].email,
          password: TEST_PASSWORD,
        },
        apis[i % 2],
      );
      browser.csrf = login.body.csrfToken;
      await browser.expect(200, 'GET', '/api/v1/auth/session', undefined, apis[(i + 1) % 2]);
    }

    // Therapists browse and assign, round-robin.
    const mine = (i: number) => couples.filter(({ couple }) => couple.therapistId === therapists[i].id);
    await Promise.all(
      staff.map(async (browser, i) => {
        for (const { couple } of mine(i)) {
          await browser.expect(200, 'GET', '/api/v1/couples');
          await browser.expect(201, 'POST', '/api/v1/assignments', {
            exerciseId: exercise.id,
            coupleIds: [couple.id],
            dueAt: new Date(Date.now() + 5 * 864e5).toISOString(),
          });
          await browser.expect(200, 'GET', `/api/v1/couples/${couple.id}/assignments`);
        }
      }),
    );
    const partners = couples.flatMap(({ partners }) => partners);

    // Each therapist books a session for their first couple; while partners answer, they keep
    // moving it an hour later (each move re-plans reminders, invitations and next_session_at).
    const HOUR = 3600_000;
    const booked = await Promise.all(
      staff.map(async (browser, i) => {
        const startsAt = new Date(Math.ceil(Date.now() / HOUR) * HOUR + (48 + i) * HOUR);
        const res = await browser.expect(201, 'POST', `/api/v1/couples/${mine(i)[0].couple.id}/sessions`, {
          startsAt: startsAt.toISOString(),
          durationMinutes: 50,
        });
        return { id: res.body.data[0].id as string, coupleId: mine(i)[0].couple.id, startsAt };
      }),
    );
    let sessionMoves = 0;

    // Partners follow their links, read and save drafts, then submit; therapists keep browsing.
    // Midway: one API and one worker SIGKILLed and restarted; then the other pair restarted in turn
    // with SIGTERM.
    let answering = true;
    const browsing: Promise<unknown> = Promise.all(
      staff.map(async (browser, i) => {
        for (let round = 0; answering; round += 1) {
          await browser.expect(200, 'GET', '/api/v1/couples');
          await pause(250);
          // A move every second or so: each sends both partners an updated invitation.
          if (round % 4 !== 0) continue;
          booked[i].startsAt = new Date(booked[i].startsAt.getTime() + HOUR);
          await browser.expect(200, 'PATCH', `/api/v1/sessions/${booked[i].id}`, {
            startsAt: booked[i].startsAt.toISOString(),
          });
          sessionMoves += 1;
        }
      }),
    );
    const partnerFlows = partners.map(async (partner, i) => {
      // The first email to arrive: if its worker was killed before the commit and the delivery was
      // sent again (same Message-ID, which a receiver drops), this is the one the person keeps, and
      // its link must work (docs/reliability.md, "An emailed link in its first milliseconds").
      const email = await smtp.waitForMessageTo(partner.email, /Homework from/, 60_000);
      const token = tokenFromEmail(email.raw, 'homework');
      const phone = new Browser({ 'x-forwarded-for': `192.0.2.${i + 1}` });
      // The link works once the worker's sending transaction committed (followEmailedLink says why).
      // Ten look-ups at most, backing off to 2 s (about 14 s): the per-address limit is 30.
      for (
        let tries = 1, wait = 100;
        (await phone.send('POST', '/api/v1/homework/link', { token })).status !== 200;
        tries += 1
      ) {
        if (tries >= 10) throw new Error(`${partner.email}: the first emailed link never worked`);
        await pause(wait);
        wait = Math.min(wait * 2, 2_000);
      }
      await phone.expect(200, 'POST', '/api/v1/homework/session', { token });
      const view = await phone.expect(200, 'GET', '/api/v1/homework/current');
      const answers = completeAnswersFor(view.body.prompts as Prompt[], `partner ${i}`);
      for (let save = 0; save < 3; save += 1) {
        await phone.expect(200, 'PUT', '/api/v1/homework/current/draft', { answers });
        await pause(100);
      }
      await phone.expect(200, 'GET', '/api/v1/homework/current');
      // A submit whose connection broke after it committed answers 409 on the retry: submitted.
      await phone.expect([200, 409], 'POST', '/api/v1/homework/current/submit', { answers });
    });

    let killedAt = 0;
    let rollingAt = 0;
    let rolledAt = 0;
    try {
      await pause(1_500);
      killedAt = Date.now();
      phase = 'sigkill';
      await Promise.all([stop(apis[0], 'SIGKILL'), stop(workers[0], 'SIGKILL')]);
      await pause(1_000);
      await Promise.all([start(apis[0]), start(workers[0])]);
      // Requests the SIGKILL broke are retried by now (each retry waits 100 ms; three times that).
      await pause(300);
      rollingAt = Date.now();
      phase = 'rolling';
      // One replica of each role at a time, as a Deployment's rolling update does.
      await Promise.all(
        [apis[1], workers[1]].map(async (replica) => {
          await stop(replica, 'SIGTERM');
          await start(replica);
        }),
      );
      rolledAt = Date.now();
      phase = 'after';
      await Promise.all(partnerFlows);
    } finally {
      answering = false;
      partnerFlows.forEach((flow) => flow.catch(() => undefined));
      await browsing.catch((error) => {
        throw error;
      });
    }

    // Rate limits are shared: 30 link look-ups per address in 15 minutes across both APIs.
    const stranger = new Browser({ 'x-forwarded-for': '198.51.100.77' });
    const lookups: number[] = [];
    for (let i = 0; i < 31; i += 1) {
      lookups.push(
        (await stranger.send('POST', '/api/v1/homework/link', { token: 'x'.repeat(43) }, apis[i % 2])).status,
      );
    }
    expect(lookups.slice(0, 30).every((s) => s === 404)).toBe(true);
    expect(lookups[30]).toBe(429);

    // Every move landed, on whichever replica took it: each session is where it was last put, and
    // so is its couple's next session.
    for (const session of booked) {
      const [row] = await db.query(
        `SELECT s.starts_at, c.next_session_at FROM session s JOIN couple c ON c.id = s.couple_id WHERE s.id = $1`,
        [session.id],
      );
      expect(row.starts_at.toISOString()).toBe(session.startsAt.toISOString());
      expect(row.next_session_at.toISOString()).toBe(session.startsAt.toISOString());
    }

    // Every partner's homework was submitted once.
    const responses = await db.getRepository(HomeworkResponse).find();
    expect(responses).toHaveLength(partners.length);
    expect(responses.filter((r) => r.submittedAt === null)).toEqual([]);

    // Every expected email once: one homework email per partner (by Message-ID, which the
    // receiver deduplicates on: a worker killed between SMTP's answer and its commit resends with
    // the same id), every ledger row sent, no two ledger rows for one key.
    // The last session moves' invitations may still be on their way: wait until nothing is queued
    // or pending (outbox relayed, every ledger row settled), then count.
    await until(
      async () =>
        (
          await db.query(
            `SELECT (SELECT count(*) FROM outbox WHERE relayed_at IS NULL)::int
                  + (SELECT count(*) FROM email_delivery WHERE status = 'pending')::int AS open`,
          )
        )[0].open === 0,
      60_000,
      200,
    );
    await pause(500);
    const messageId = (m: CapturedEmail) => /^Message-ID:\s*(\S+)/im.exec(m.raw)?.[1] ?? m.raw;
    for (const partner of partners) {
      const homework = smtp.messagesTo(partner.email).filter((m) => /Homework from/.test(m.subject));
      expect(new Set(homework.map(messageId)).size).toBe(1);
    }
    const ledger: { status: string; n: number }[] = await db.query(
      `SELECT status, count(*)::int AS n FROM email_delivery GROUP BY status`,
    );
    expect(ledger.filter((row) => row.status !== 'sent' && row.status !== 'skipped')).toEqual([]);
    const sentRows = ledger.find((row) => row.status === 'sent')?.n ?? 0;
    const distinct = new Set(smtp.messages.map(messageId));
    expect(distinct.size).toBe(sentRows);
    const resent = smtp.messages.length - distinct.size;

    // Weekly digest schedules: one per therapist, however many workers started.
    const digests = new Queue(QueueName.Digests, {
      connection: bullConnectionOptions(process.env.REDIS_URL as string),
      prefix: process.env.QUEUE_PREFIX,
    });
    try {
      const schedulers = (await digests.getJobSchedulers(0, -1)).filter((s) =>
        (s.key ?? s.id ?? '').startsWith('weekly-digest-'),
      );
      expect(schedulers.map((s) => s.key ?? s.id).sort()).toEqual(
        therapists.map((t) => `weekly-digest-${t.id}`).sort(),
      );
      const nextRuns = (await digests.getDelayed()).filter((job) => job.name === 'weekly-digest');
      expect(nextRuns).toHaveLength(therapists.length);
    } finally {
      await digests.close();
    }

    // No request lost, and a graceful restart (the replica taken out of the rotation first, as a
    // load balancer does before SIGTERM, then stopped with its in-flight requests answered) needs
    // no retry at all: only a SIGKILL drops connections.
    expect(stats.lost).toBe(0);
    expect(stats.answered).toBe(stats.requests);
    expect(stats.retried.rolling).toBe(0);

    const figures = [
      `replicas: 2 api + 2 worker (built), one PostgreSQL, one Redis`,
      `couples ${couples.length}, partners ${partners.length}, requests ${stats.requests} (${Object.entries(
        stats.byReplica,
      )
        .map(([name, n]) => `${name} ${n}`)
        .join(', ')})`,
      `retried after a refused or reset connection: ${stats.retried.sigkill} around the SIGKILL, ${stats.retried.rolling} during the rolling SIGTERM restart, ${stats.retried.before + stats.retried.after} otherwise; lost: ${stats.lost}; sessions moved: ${sessionMoves}`,
      `emails: ${sentRows} sent, ${distinct.size} distinct Message-IDs received, ${resent} resent with the same Message-ID`,
      `SIGKILL of api-a + worker-a at ${((killedAt - startedAt) / 1000).toFixed(1)} s, rolling SIGTERM from ${((rollingAt - startedAt) / 1000).toFixed(1)} s to ${((rolledAt - startedAt) / 1000).toFixed(1)} s, done at ${((Date.now() - startedAt) / 1000).toFixed(1)} s`,
    ];
    process.stdout.write(`\nmulti-replica figures\n${figures.map((f) => `  ${f}`).join('\n')}\n`);
  }, 170_000);
});
