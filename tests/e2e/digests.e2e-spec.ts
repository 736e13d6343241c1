import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { Digest, HomeworkResponse } from '@trellis/data';
import { bullConnectionOptions, JobName, QueueName } from '@trellis/jobs';
import { createAssignment, createCouple } from '../support/factories';
import { createCheckIns } from '../support/measure-factories';
import { createTestApp } from '../support/create-test-app';
import { signIn } from '../support/sign-in';
import { connectTestDatabase } from '../support/test-database';
import { startWorkerWithMailbox } from '../support/worker-harness';
import { until } from '../support/eventually';
import { createPractice } from '../support/practice';

const HOUR = 3600 * 1000;

describe('digests: weekly per therapist and 24 h before each session', () => {
  let app: NestFastifyApplication;
  let db: DataSource;
  let harness: Awaited<ReturnType<typeof startWorkerWithMailbox>>;
  let queue: Queue;

  beforeAll(async () => {
    app = await createTestApp();
    db = await connectTestDatabase();
    harness = await startWorkerWithMailbox();
    queue = new Queue(QueueName.Digests, {
      connection: bullConnectionOptions(process.env.REDIS_URL as string),
      prefix: process.env.QUEUE_PREFIX,
    });
  });
  afterAll(async () => {
    await queue.close();
    await harness.stop();
    await app.close();
    await db.destroy();
  });

  // The clinic's choice of what digest emails carry; the default keeps names and answers out of email.
  async function practice(digestEmailDetail: 'counts' | 'names' | 'answers' = 'counts') {
    const practice = await createPractice(app, db, {
      name: 'Harbour Counselling',
      timezone: 'Europe/London',
      digestEmailDetail,
    });
    return { ...practice, asAdmin: await signIn(app, practice.admin.email) };
  }

  it('keeps one Monday-08:00 scheduler per active therapist, in the clinic time zone, and drops it when they leave', async () => {
    const { dana, sam, asAdmin } = await practice();
    await queue.add(JobName.SyncDigestSchedules, { clinicId: null });
    const scheduler = await until(async () =>
      (await queue.getJobSchedulers(0, -1)).find((s) => (s.key ?? s.id) === `weekly-digest-${dana.id}`),
    );
    expect(scheduler).toMatchObject({ pattern: '0 8 * * 1', tz: 'Europe/London' });
    await asAdmin.agent
      .patch(`/api/v1/staff/${sam.id}`)
      .set('x-csrf-token', asAdmin.csrfToken)
      .send({ status: 'deactivated' })
      .expect(200);
    await until(
      async () => !(await queue.getJobSchedulers(0, -1)).some((s) => (s.key ?? s.id) === `weekly-digest-${sam.id}`),
    );
  });

  it('lets a therapist turn the weekly digest off: its schedule goes, a run already due makes none, and back on', async () => {
    const { clinic, dana, asDana } = await practice();
    const { couple, partners } = await createCouple(db, clinic, dana, { displayName: 'Casey & Drew' });
    await createAssignment(db, couple, partners, { dueAt: new Date(Date.now() - HOUR), submitted: [true, false] });
    const scheduled = async () =>
      (await queue.getJobSchedulers(0, -1)).some((s) => (s.key ?? s.id) === `weekly-digest-${dana.id}`);
    await queue.add(JobName.SyncDigestSchedules, { clinicId: null });
    await until(scheduled);
    expect((await asDana.agent.get('/api/v1/digests/preferences').expect(200)).body).toEqual({ weekly: true });

    const off = await asDana.agent
      .put('/api/v1/digests/preferences')
      .set('x-csrf-token', asDana.csrfToken)
      .send({ weekly: false })
      .expect(200);
    expect(off.body).toEqual({ weekly: false });
    expect(off.headers['cache-control']).toBe('no-store');
    await until(async () => !(await scheduled()));
    expect((await asDana.agent.get('/api/v1/digests/preferences').expect(200)).body).toEqual({ weekly: false });
    const audited = await db.query(
      `SELECT actor_id, details FROM audit_event WHERE action = 'digest.preferences_update' AND record_id = $1`,
      [dana.id],
    );
    expect(audited).toEqual([{ actor_id: dana.id, details: { weekly: false } }]);

    // A run made before the schedule went (or by a schedule not yet synced) makes no digest.
    const run = await queue.add(JobName.WeeklyDigest, { therapistId: dana.id, clinicId: clinic.id });
    await until(async () => (await queue.getJob(run.id as string))?.finishedOn);
    expect(await db.getRepository(Digest).countBy({ therapistId: dana.id })).toBe(0);

    // Choosing what is already chosen changes and records nothing.
    await asDana.agent
      .put('/api/v1/digests/preferences')
      .set('x-csrf-token', asDana.csrfToken)
      .send({ weekly: false })
      .expect(200);
    expect(
      await db.query(`SELECT 1 FROM audit_event WHERE action = 'digest.preferences_update' AND record_id = $1`, [
        dana.id,
      ]),
    ).toHaveLength(1);

    await asDana.agent
      .put('/api/v1/digests/preferences')
      .set('x-csrf-token', asDana.csrfToken)
      .send({ weekly: true })
      .expect(200);
    await until(scheduled);
    const again = await queue.add(JobName.WeeklyDigest, { therapistId: dana.id, clinicId: clinic.id });
    await until(async () => (await queue.getJob(again.id as string))?.finishedOn);
    expect(await db.getRepository(Digest).countBy({ therapistId: dana.id })).toBe(1);
  });

  it('refuses a bad digest choice with a 400 naming the field, changing nothing', async () => {
    const { dana, asDana } = await practice();
    for (const [body, field] of [
      [{ weekly: 'no' }, 'weekly'],
      [{}, 'weekly'],
      [{ weekly: null }, 'weekly'],
      [{ weekly: false, therapistId: dana.id }, 'therapistId'],
    ] as const) {
      const bad = await asDana.agent
        .put('/api/v1/digests/preferences')
        .set('x-csrf-token', asDana.csrfToken)
        .send(body)
        .expect(400);
      expect(bad.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    const [row] = await db.query(`SELECT weekly_digest FROM staff_user WHERE id = $1`, [dana.id]);
    expect(row.weekly_digest).toBe(true);
    // Without the CSRF header, and signed out: refused too.
    await asDana.agent.put('/api/v1/digests/preferences').send({ weekly: false }).expect(403);
  });

  it('emails the weekly digest with each couple’s progress and notable scale answers, readable in the dashboard', async () => {
    const { clinic, dana, sam, asDana } = await practice('answers');
    const { couple, partners } = await createCouple(db, clinic, dana, { displayName: 'Avery & Blake' });
    const hw = await createAssignment(db, couple, partners, {
      dueAt: new Date(Date.now() - HOUR),
      submitted: [true, true],
    });
    const scale = hw.prompts.find((p) => p.kind === 'scale');
    if (scale && scale.kind === 'scale') {
      await db
        .getRepository(HomeworkResponse)
        .update({ assignmentId: hw.id, clientId: partners[0].id }, { answers: { [scale.id]: scale.min } });
    }
    await queue.add(JobName.WeeklyDigest, { therapistId: dana.id, clinicId: clinic.id });
    const email = await harness.mailbox.waitForMessageTo(dana.email, /Your week at Harbour Counselling/);
    expect(email.raw).toContain('Avery & Blake');
    const digests = await until(async () => {
      const res = await asDana.agent.get('/api/v1/digests').expect(200);
      return res.body.total > 0 ? res.body : null;
    });
    const line = digests.data[0].content.couples[0];
    expect(line).toMatchObject({ coupleName: 'Avery & Blake', completed: 1, awaitingReview: 1 });
    if (scale)
      expect(line.notableScales[0]).toMatchObject({
        prompt: scale.label,
        value: scale.kind === 'scale' ? scale.min : 0,
      });
    await asDana.agent.get(`/api/v1/digests/${digests.data[0].id}`).expect(200);
    const asSam = await signIn(app, sam.email);
    await asSam.agent.get(`/api/v1/digests/${digests.data[0].id}`).expect(404);
    // Retrying the same digest job (as after a crash) neither stores nor sends a second one.
    const [done] = await queue
      .getJobs(['completed'])
      .then((jobs) => jobs.filter((j) => j.name === JobName.WeeklyDigest && j.data.therapistId === dana.id));
    const firstFinish = done.finishedOn as number;
    await done.retry('completed');
    await until(async () => {
      const again = await queue.getJob(done.id as string);
      return again && (await again.getState()) === 'completed' && (again.finishedOn as number) > firstFinish;
    });
    await new Promise((r) => setTimeout(r, 300));
    expect(await db.getRepository(Digest).countBy({ therapistId: dana.id })).toBe(1);
    expect(harness.mailbox.messagesTo(dana.email).filter((m) => /Your week/.test(m.subject))).toHaveLength(1);
  });

  it('plans a pre-session digest 24 h before the next session, re-plans when it moves, sends answers side by side', async () => {
    const { clinic, dana, asDana } = await practice('answers');
    const created = await asDana.agent
      .post('/api/v1/couples')
      .set('x-csrf-token', asDana.csrfToken)
      .send({
        displayName: 'Casey & Drew',
        nextSessionAt: new Date(Date.now() + 30 * HOUR).toISOString(),
        partners: [1, 2].map((n) => ({
          name: `Partner${n}`,
          email: `pd${n}-${clinic.id.slice(0, 6)}@example.test`,
          timezone: 'UTC',
          emailConsent: true,
        })),
      })
      .expect(201);
    const coupleId: string = created.body.id;
    const planned = await until(async () => queue.getJob(`pre-session-${coupleId}`));
    expect(await planned.getState()).toBe('delayed');
    expect(planned.data).toMatchObject({ coupleId, clinicId: clinic.id });
    expect(planned.opts.delay).toBeGreaterThan(5 * HOUR - 60_000);

    const later = new Date(Date.now() + 50 * HOUR);
    await asDana.agent
      .patch(`/api/v1/couples/${coupleId}`)
      .set('x-csrf-token', asDana.csrfToken)
      .send({ nextSessionAt: later.toISOString() })
      .expect(200);
    const moved = await until(async () => {
      const job = await queue.getJob(`pre-session-${coupleId}`);
      return job?.data.sessionAtMs === later.getTime() ? job : null;
    });

    const couple = { id: coupleId, clinicId: clinic.id, therapistId: dana.id } as never;
    const partners = await db.query(`SELECT * FROM client WHERE couple_id = $1 ORDER BY position`, [coupleId]);
    const hw = await createAssignment(
      db,
      couple,
      partners.map((p: Record<string, unknown>) => ({ ...p, id: p.id, position: p.position })) as never,
      { dueAt: new Date(Date.now() - HOUR), submitted: [true, true] },
    );
    const promptId = hw.prompts[0].id;
    await db.query(`UPDATE homework_response SET answers = $2 WHERE assignment_id = $1 AND client_id = $3`, [
      hw.id,
      JSON.stringify({ [promptId]: 'first words' }),
      partners[0].id,
    ]);
    await moved.promote();
    const email = await harness.mailbox.waitForMessageTo(dana.email, /Before your session with Casey & Drew/);
    expect(email.raw.replace(/=\r?\n/g, '')).toContain('first words');
    const digest = await db.getRepository(Digest).findOneByOrFail({ coupleId, kind: 'pre_session' });
    expect(digest.content.submissions?.[0]).toMatchObject({ assignmentId: hw.id });
  });

  it('the pre-session digest follows the schedule: moving the next session or cancelling it re-plans it', async () => {
    const { clinic, dana, asDana } = await practice('answers');
    const { couple } = await createCouple(db, clinic, dana, { displayName: 'Emery & Finn' });
    const csrf = { 'x-csrf-token': asDana.csrfToken };
    const hours = (n: number) => {
      const d = new Date(Date.now() + n * HOUR);
      d.setUTCSeconds(0, 0);
      return d;
    };
    const jobFor = (sessionAt: Date) =>
      until(async () => {
        const job = await queue.getJob(`pre-session-${couple.id}`);
        return job?.data.sessionAtMs === sessionAt.getTime() ? job : null;
      });
    /** The planned run: a day before the session (the delay counts from when the job was added). */
    const expectRunsDayBefore = (job: { timestamp: number; opts: { delay?: number } }, sessionAt: Date) =>
      expect(Math.abs(job.timestamp + (job.opts.delay ?? 0) - (sessionAt.getTime() - 24 * HOUR))).toBeLessThan(5_000);
    const plans = async () =>
      (
        await db.query(
          `SELECT count(*)::int AS n FROM outbox WHERE job_name = 'plan-pre-session-digest' AND payload->>'coupleId' = $1`,
          [couple.id],
        )
      )[0].n as number;

    const first = hours(30);
    const second = hours(80);
    const booked = await asDana.agent
      .post(`/api/v1/couples/${couple.id}/sessions`)
      .set(csrf)
      .send({ startsAt: first.toISOString() })
      .expect(201);
    await asDana.agent
      .post(`/api/v1/couples/${couple.id}/sessions`)
      .set(csrf)
      .send({ startsAt: second.toISOString() })
      .expect(201);
    const sessionId: string = booked.body.data[0].id;
    expectRunsDayBefore(await jobFor(first), first);
    // Booking a later session does not change the next one: nothing re-planned.
    expect(await plans()).toBe(1);

    // Moved through the session itself (not the couple's old field): the digest moves with it.
    const moved = hours(50);
    await asDana.agent
      .patch(`/api/v1/sessions/${sessionId}`)
      .set(csrf)
      .send({ startsAt: moved.toISOString() })
      .expect(200);
    const afterMove = await jobFor(moved);
    expect(await afterMove.getState()).toBe('delayed');
    expectRunsDayBefore(afterMove, moved);
    expect(await plans()).toBe(2);

    // Cancelled: the following session is the next one, and its digest is planned instead.
    await asDana.agent.post(`/api/v1/sessions/${sessionId}/cancel`).set(csrf).send({ reason: 'Unwell' }).expect(200);
    const afterCancel = await jobFor(second);
    expectRunsDayBefore(afterCancel, second);
    expect(await plans()).toBe(3);

    // The last one cancelled: no session ahead, so no digest is waiting.
    const [last] = (await asDana.agent.get(`/api/v1/couples/${couple.id}/sessions`).expect(200)).body.data.filter(
      (s: { status: string }) => s.status === 'scheduled',
    );
    await asDana.agent.post(`/api/v1/sessions/${last.id}/cancel`).set(csrf).send({ reason: 'Paused' }).expect(200);
    expect(await plans()).toBe(4);
    await until(async () => !(await queue.getJob(`pre-session-${couple.id}`)));

    // A job planned for a time that no longer holds (as one promoted before its removal landed) sends nothing.
    await queue.add(JobName.PreSessionDigest, {
      coupleId: couple.id,
      clinicId: clinic.id,
      sessionAtMs: moved.getTime(),
    });
    await new Promise((r) => setTimeout(r, 500));
    expect(await db.getRepository(Digest).countBy({ coupleId: couple.id })).toBe(0);
  });

  it('by default, a digest email names no couple and carries no answer; an admin chooses more, and only valid choices', async () => {
    const { clinic, dana, asDana, asAdmin } = await practice();
    const { couple, partners } = await createCouple(db, clinic, dana, { displayName: 'Avery & Blake' });
    const hw = await createAssignment(db, couple, partners, {
      dueAt: new Date(Date.now() - HOUR),
      submitted: [true, true],
    });
    await db.query(`UPDATE homework_response SET answers = $2 WHERE assignment_id = $1`, [
      hw.id,
      JSON.stringify({ [hw.prompts[0].id]: 'what I wrote in confidence' }),
    ]);
    await queue.add(JobName.WeeklyDigest, { therapistId: dana.id, clinicId: clinic.id });
    const email = await harness.mailbox.waitForMessageTo(dana.email, /Your week at Harbour Counselling/);
    const body = email.raw.replace(/=\r?\n/g, '');
    for (const secret of ['Avery', 'Blake', 'what I wrote in confidence', partners[0].name, partners[1].name]) {
      expect(body).not.toContain(secret);
    }
    expect(body).toContain('Awaiting your review: 1');
    // The whole digest is still in Trellis.
    const stored = await until(async () => {
      const res = await asDana.agent.get('/api/v1/digests').expect(200);
      return res.body.total > 0 ? res.body.data[0] : null;
    });
    expect(stored.content.couples[0].coupleName).toBe('Avery & Blake');

    const bad = await asAdmin.agent
      .patch('/api/v1/clinic')
      .set('x-csrf-token', asAdmin.csrfToken)
      .send({ digestEmailDetail: 'everything' })
      .expect(400);
    expect(bad.body.errors[0].field).toBe('digestEmailDetail');
    const chosen = await asAdmin.agent
      .patch('/api/v1/clinic')
      .set('x-csrf-token', asAdmin.csrfToken)
      .send({ digestEmailDetail: 'names' })
      .expect(200);
    expect(chosen.body.digestEmailDetail).toBe('names');
  });

  it('says how many couples are off track and links to them, with no reason or score in the email', async () => {
    const counts = await practice();
    const names = await practice('names');
    for (const { clinic, dana } of [counts, names]) {
      for (const displayName of ['Avery & Blake', 'Casey & Drew']) {
        const { couple, partners } = await createCouple(db, clinic, dana, { displayName });
        await createCheckIns(db, couple, partners, [
          [44, 43, 31],
          [40, 41, 42],
        ]);
      }
      const steady = await createCouple(db, clinic, dana, { displayName: 'Emery & Finn' });
      await createCheckIns(db, steady.couple, steady.partners, [
        [30, 31, 32],
        [30, 31, 32],
      ]);
      await queue.add(JobName.WeeklyDigest, { therapistId: dana.id, clinicId: clinic.id });
    }

    const countsEmail = await harness.mailbox.waitForMessageTo(counts.dana.email, /Your week at/);
    const countsBody = countsEmail.raw.replace(/=\r?\n/g, '');
    expect(countsBody).toContain('2 couples are off track on their check-ins.');
    expect(countsBody).toMatch(/See them on your home screen: https?:\/\/[^\s]+\/#\//);
    // (Scores are numbers: ids and dates in the message may hold any digits, so the words stand for them.)
    for (const secret of ['Avery', 'Casey', 'Emery', 'dropped', 'worsening', 'gap between', 'check-out']) {
      expect(countsBody).not.toContain(secret);
    }

    const namesEmail = await harness.mailbox.waitForMessageTo(names.dana.email, /Your week at/);
    const namesBody = namesEmail.raw.replace(/=\r?\n/g, '');
    const [avery, casey] = await db.query(
      `SELECT id FROM couple WHERE therapist_id = $1 AND display_name <> 'Emery & Finn' ORDER BY display_name`,
      [names.dana.id],
    );
    expect(namesBody).toContain(`- Avery & Blake: `);
    expect(namesBody).toContain(`/#/couples/${avery.id}/show/progress`);
    expect(namesBody).toContain(`/#/couples/${casey.id}/show/progress`);
    expect(namesBody).not.toMatch(/Emery & Finn: http/);
    for (const secret of ['dropped', 'worsening', 'gap between', 'check-out']) expect(namesBody).not.toContain(secret);

    // The stored digest lists them too, for the dashboard.
    const stored = await until(async () => {
      const res = await names.asDana.agent.get('/api/v1/digests').expect(200);
      return res.body.total > 0 ? res.body.data[0] : null;
    });
    expect(stored.content.offTrack).toEqual([
      { coupleId: avery.id, coupleName: 'Avery & Blake' },
      { coupleId: casey.id, coupleName: 'Casey & Drew' },
    ]);
  });
});
