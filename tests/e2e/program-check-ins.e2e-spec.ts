import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Queue } from 'bullmq';
import request from 'supertest';
import { DataSource, IsNull } from 'typeorm';
import { CoupleProgram, CoupleProgramStep, Measure, Program } from '@trellis/data';
import { TRUST_AND_CONNECTION_CHECK_IN } from '@trellis/domain';
import { bullConnectionOptions, JobName, QUEUE_JOB_OPTIONS, QueueName } from '@trellis/jobs';
import { createTestApp } from '../support/create-test-app';
import { followEmailedLink } from '../support/email-links';
import { until } from '../support/eventually';
import { createClinic, createCouple, createStaff, openSafetyPauseRaisedBy } from '../support/factories';
import { setPassword, signIn } from '../support/sign-in';
import { connectTestDatabase } from '../support/test-database';
import { startWorkerWithMailbox } from '../support/worker-harness';

type Agent = Awaited<ReturnType<typeof signIn>>;

/** A fixed-offset zone where it is around midday now: nothing sent in it waits for quiet hours to end. */
function middayZone(): string {
  const offset = 12 - new Date().getUTCHours();
  return offset === 0 ? 'Etc/GMT' : `Etc/GMT${offset > 0 ? '-' : '+'}${Math.abs(offset)}`;
}

/** A fixed-offset zone where it is now `hour` o'clock (give or take the minutes). */
function zoneAt(hour: number): string {
  let offset = hour - new Date().getUTCHours();
  if (offset < -12) offset += 24;
  if (offset > 14) offset -= 24;
  return offset === 0 ? 'Etc/GMT' : `Etc/GMT${offset > 0 ? '-' : '+'}${Math.abs(offset)}`;
}

const answersOf = (value: number) =>
  Object.fromEntries(TRUST_AND_CONNECTION_CHECK_IN.definition.items.map((item) => [item.id, value]));

/**
 * Issue 19, item 2: a program step may be a check-in. Opening it sends each partner the measure's
 * check-in once, through the check-ins worker (same email, link and submit as a scheduled one);
 * the next step opens when both partners have answered it, not before.
 */
describe('programs: check-in steps', () => {
  let app: NestFastifyApplication;
  let db: DataSource;
  let harness: Awaited<ReturnType<typeof startWorkerWithMailbox>>;
  let checkIns: Queue;
  let programs: Queue;
  let measureId: string;

  beforeAll(async () => {
    app = await createTestApp();
    db = await connectTestDatabase();
    harness = await startWorkerWithMailbox();
    const connection = bullConnectionOptions(process.env.REDIS_URL as string);
    checkIns = new Queue(QueueName.CheckIns, { connection, prefix: process.env.QUEUE_PREFIX });
    programs = new Queue(QueueName.Programs, { connection, prefix: process.env.QUEUE_PREFIX });
    measureId = (
      await db.getRepository(Measure).findOneByOrFail({ key: TRUST_AND_CONNECTION_CHECK_IN.key, clinicId: IsNull() })
    ).id;
  });
  afterAll(async () => {
    for (const queue of [checkIns, programs]) {
      await until(async () => {
        const counts = await queue.getJobCounts('waiting', 'active');
        return counts.waiting === 0 && counts.active === 0;
      }).catch(() => undefined);
      await queue.close();
    }
    await harness.stop();
    await app.close();
    await db.destroy();
  });

  async function practice() {
    const clinic = await createClinic(db);
    const therapist = await createStaff(db, clinic);
    await setPassword(db, therapist);
    const asTherapist = await signIn(app, therapist.email);
    const { couple, partners } = await createCouple(db, clinic, therapist);
    await db.query(`UPDATE client SET timezone = $2 WHERE couple_id = $1`, [couple.id, middayZone()]);
    return { clinic, therapist, asTherapist, couple, partners };
  }

  const send = (as: Agent, method: 'post' | 'patch', url: string, body: unknown = {}) =>
    as.agent[method](url)
      .set('x-csrf-token', as.csrfToken)
      .send(body as object);

  const stepsOf = async (coupleId: string) => {
    const enrolment = await db.getRepository(CoupleProgram).findOneByOrFail({ coupleId });
    return db
      .getRepository(CoupleProgramStep)
      .find({ where: { coupleProgramId: enrolment.id }, order: { position: 'ASC' } });
  };

  /** A clinic's own measure, made by hand (a copy of the built-in's current version). */
  async function clinicMeasure(clinicId: string, archived = false): Promise<string> {
    const [row]: { id: string }[] = await db.query(
      `INSERT INTO measure (clinic_id, kind, title, archived_at) VALUES ($1, 'outcome', 'Our own', $2) RETURNING id`,
      [clinicId, archived ? new Date() : null],
    );
    await db.query(
      `INSERT INTO measure_version (measure_id, version, definition)
       SELECT $1, 1, v.definition FROM measure_version v JOIN measure m ON m.id = v.measure_id
       WHERE m.id = $2 AND v.version = m.current_version`,
      [row.id, measureId],
    );
    return row.id;
  }

  it('sends each partner the check-in once, and opens the next step only when both have answered', async () => {
    const p = await practice();
    const created = await send(p.asTherapist, 'post', '/api/v1/programs', {
      title: 'Check in first',
      steps: [
        { title: 'How are we doing?', kind: 'check_in', measureId, opensWhen: 'both_submitted' },
        { title: 'Talk it through', kind: 'discuss', opensWhen: 'both_submitted' },
      ],
    }).expect(201);
    expect(created.body.steps[0]).toMatchObject({
      kind: 'check_in',
      measureId,
      measureTitle: TRUST_AND_CONNECTION_CHECK_IN.title,
      exerciseId: null,
    });

    const enrolled = await send(p.asTherapist, 'post', `/api/v1/couples/${p.couple.id}/program`, {
      programId: created.body.id,
    }).expect(201);
    const [first] = enrolled.body.enrolment.steps;
    expect(first).toMatchObject({ status: 'open', kind: 'check_in', measureId, assignmentId: null });
    expect(first.measureTitle).toBe(TRUST_AND_CONNECTION_CHECK_IN.title);

    const tokens: string[] = [];
    for (const partner of p.partners) {
      const email = await harness.mailbox.waitForMessageTo(partner.email, /check-in/i, 15_000);
      tokens.push((await followEmailedLink(app.getHttpServer(), email.raw, 'check-in')).token);
    }
    const rows: { occurrence: string; schedule_id: string | null }[] = await db.query(
      `SELECT occurrence, schedule_id FROM check_in WHERE couple_id = $1`,
      [p.couple.id],
    );
    expect(rows).toEqual([
      { occurrence: `program-step-${first.id}`, schedule_id: null },
      { occurrence: `program-step-${first.id}`, schedule_id: null },
    ]);

    // The job again (a retry, a second delivery): nothing new is created or sent.
    const again = await checkIns.add(
      JobName.SendProgramCheckIn,
      { programStepId: first.id, clientId: p.partners[0].id, clinicId: p.clinic.id },
      { ...QUEUE_JOB_OPTIONS[QueueName.CheckIns], jobId: `again-${first.id}` },
    );
    await until(async () => (await checkIns.getJob(again.id as string))?.finishedOn, 15_000);
    expect(await db.query(`SELECT id FROM check_in WHERE couple_id = $1`, [p.couple.id])).toHaveLength(2);

    // The form is the measure's; one partner's answer does not open the next step.
    const form = await request(app.getHttpServer()).post('/api/v1/check-ins/link').send({ token: tokens[0] });
    expect(form.status).toBe(200);
    expect(form.body.title).toBe(TRUST_AND_CONNECTION_CHECK_IN.title);
    // The partner sees the step on their path, as on a homework page: titles only.
    expect(form.body.path).toEqual({ step: 1, total: 2, nextTitle: 'Talk it through' });
    const submit = (token: string) =>
      request(app.getHttpServer())
        .post('/api/v1/check-ins/submit')
        .set('x-homework-csrf', '1')
        .send({ token, answers: answersOf(7) });
    const one = await submit(tokens[0]).expect(200);
    // A program's check-in shares nothing with the other partner.
    expect(one.body.partner).toEqual([]);
    const [firstCheckIn]: { id: string }[] = await db.query(
      `SELECT id FROM check_in WHERE client_id = $1 AND program_step_id = $2`,
      [p.partners[0].id, first.id],
    );
    await until(
      async () => (await programs.getJob(`advance-program-${p.couple.id}-check-in-${firstCheckIn.id}`))?.finishedOn,
      15_000,
    );
    expect((await stepsOf(p.couple.id)).map((s) => s.status)).toEqual(['open', 'pending']);

    await submit(tokens[1]).expect(200);
    await until(async () => (await stepsOf(p.couple.id))[1].status === 'open' || undefined, 15_000);
    expect((await stepsOf(p.couple.id)).map((s) => s.status)).toEqual(['done', 'open']);
    // Each partner was emailed once.
    for (const partner of p.partners)
      expect(harness.mailbox.messagesTo(partner.email).filter((m) => /check-in/i.test(m.raw))).toHaveLength(1);
  });

  it('names measureId when the measure is missing, another clinic’s, archived or on another kind of step; nothing changes', async () => {
    const p = await practice();
    const other = await practice();
    const theirs = await clinicMeasure(other.clinic.id);
    const archived = await clinicMeasure(p.clinic.id, true);
    const mine = await clinicMeasure(p.clinic.id);
    const before = await db.getRepository(Program).countBy({ clinicId: p.clinic.id });
    const cases: [object, string][] = [
      [{ title: 'A', kind: 'check_in', opensWhen: 'both_submitted' }, 'steps.0.measureId'],
      [{ title: 'A', kind: 'check_in', measureId: theirs, opensWhen: 'both_submitted' }, 'steps.0.measureId'],
      [{ title: 'A', kind: 'check_in', measureId: archived, opensWhen: 'both_submitted' }, 'steps.0.measureId'],
      [{ title: 'A', kind: 'check_in', measureId: 'nope', opensWhen: 'both_submitted' }, 'steps.0.measureId'],
      [{ title: 'A', kind: 'discuss', measureId, opensWhen: 'both_submitted' }, 'steps.0.measureId'],
    ];
    for (const [step, field] of cases) {
      const refused = await send(p.asTherapist, 'post', '/api/v1/programs', { title: 'X', steps: [step] }).expect(400);
      expect(JSON.stringify(refused.body)).toContain(field);
    }
    expect(await db.getRepository(Program).countBy({ clinicId: p.clinic.id })).toBe(before);
    // The clinic's own measure is fine.
    await send(p.asTherapist, 'post', '/api/v1/programs', {
      title: 'Ours',
      steps: [{ title: 'A', kind: 'check_in', measureId: mine, opensWhen: 'both_submitted' }],
    }).expect(201);

    // Adding a step to a couple's path: the same rule, the field named without a prefix.
    const path = await send(p.asTherapist, 'post', `/api/v1/couples/${p.couple.id}/program`, {
      programId: (
        await send(p.asTherapist, 'post', '/api/v1/programs', {
          title: 'Talk',
          steps: [{ title: 'Talk', kind: 'discuss', opensWhen: 'both_submitted' }],
        }).expect(201)
      ).body.id,
    }).expect(201);
    const stepCount = path.body.enrolment.steps.length;
    const refused = await send(p.asTherapist, 'post', `/api/v1/couples/${p.couple.id}/program/steps`, {
      title: 'Theirs',
      kind: 'check_in',
      measureId: theirs,
      opensWhen: 'both_submitted',
    }).expect(400);
    expect(JSON.stringify(refused.body)).toContain('"measureId"');
    expect(await stepsOf(p.couple.id)).toHaveLength(stepCount);
    const added = await send(p.asTherapist, 'post', `/api/v1/couples/${p.couple.id}/program/steps`, {
      title: 'Ours',
      kind: 'check_in',
      measureId: mine,
      opensWhen: 'both_submitted',
    }).expect(200);
    expect(added.body.enrolment.steps.at(-1)).toMatchObject({
      kind: 'check_in',
      measureId: mine,
      measureTitle: 'Our own',
    });
  });
  /** A check-in step then a "discuss" step, the couple enrolled: the check-in step is open. */
  async function enrolOnCheckInPath(p: Awaited<ReturnType<typeof practice>>) {
    const created = await send(p.asTherapist, 'post', '/api/v1/programs', {
      title: 'Check in first',
      steps: [
        { title: 'How are we doing?', kind: 'check_in', measureId, opensWhen: 'both_submitted' },
        { title: 'Talk it through', kind: 'discuss', opensWhen: 'both_submitted' },
      ],
    }).expect(201);
    const enrolled = await send(p.asTherapist, 'post', `/api/v1/couples/${p.couple.id}/program`, {
      programId: created.body.id,
    }).expect(201);
    return enrolled.body.enrolment.steps[0] as { id: string };
  }

  const checkInEmailsTo = (address: string) =>
    harness.mailbox.messagesTo(address).filter((m) => /check-in/i.test(m.raw));
  const openStepCheckIns = async (p: Awaited<ReturnType<typeof practice>>) =>
    (await p.asTherapist.agent.get(`/api/v1/couples/${p.couple.id}/program`).expect(200)).body.enrolment.steps[0]
      .checkIns;
  const submit = (token: string) =>
    request(app.getHttpServer())
      .post('/api/v1/check-ins/submit')
      .set('x-homework-csrf', '1')
      .send({ token, answers: answersOf(6) });

  it('holds the check-in of the partner who raised a safety pause after the step opened, until the pause is lifted', async () => {
    const p = await practice();
    // Night for both partners: each send waits for their morning (a delayed job in the check-ins queue).
    await db.query(`UPDATE client SET timezone = $2 WHERE couple_id = $1`, [p.couple.id, zoneAt(2)]);
    const first = await enrolOnCheckInPath(p);
    const jobs = await until(async () => {
      const found = await Promise.all(p.partners.map((pt) => checkIns.getJob(`program-check-in-${first.id}-${pt.id}`)));
      return found.every(Boolean) ? found.flatMap((job) => (job ? [job] : [])) : undefined;
    }, 15_000);
    for (const job of jobs) expect(await job.getState()).toBe('delayed');

    // Before morning, the first partner says they do not feel safe. Then the sends come due.
    await openSafetyPauseRaisedBy(db, p.couple, p.partners, 0);
    for (const job of jobs) await job.promote();
    await until(async () => {
      const done = await Promise.all(jobs.map(async (job) => (await checkIns.getJob(job.id as string))?.finishedOn));
      return done.every(Boolean) || undefined;
    }, 15_000);

    // The other partner is sent theirs as usual (nothing tells them anything happened).
    const theirs = await harness.mailbox.waitForMessageTo(p.partners[1].email, /check-in/i, 15_000);
    const theirToken = (await followEmailedLink(app.getHttpServer(), theirs.raw, 'check-in')).token;
    // The partner who raised it: their check-in exists (the step waits for both) but no email was queued.
    const rows: { id: string; client_id: string }[] = await db.query(
      `SELECT id, client_id FROM check_in WHERE program_step_id = $1`,
      [first.id],
    );
    expect(rows).toHaveLength(2);
    const [held] = rows.filter((r) => r.client_id === p.partners[0].id);
    expect(await db.query(`SELECT id FROM email_delivery WHERE subject_ids->>'checkInId' = $1`, [held.id])).toEqual([]);
    expect(checkInEmailsTo(p.partners[0].email)).toEqual([]);
    // The therapist's path says which partner the step waits on, and why.
    expect(await openStepCheckIns(p)).toEqual([
      {
        position: 1,
        state: 'waiting',
        waitingReason: 'safety_pause',
        message: expect.stringMatching(/held while the safety pause they raised is open/),
      },
      { position: 2, state: 'sent', waitingReason: null, message: null },
    ]);

    // The other partner answers: the step still waits for the first.
    await submit(theirToken).expect(200);
    const [theirCheckIn] = rows.filter((r) => r.client_id === p.partners[1].id);
    await until(
      async () => (await programs.getJob(`advance-program-${p.couple.id}-check-in-${theirCheckIn.id}`))?.finishedOn,
      15_000,
    );
    expect((await stepsOf(p.couple.id)).map((s) => s.status)).toEqual(['open', 'pending']);

    // The therapist lifts the pause: the held check-in goes out, once; answering it opens the next step.
    await send(p.asTherapist, 'post', `/api/v1/couples/${p.couple.id}/safety/lift`, {
      note: 'Saw each partner alone.',
    }).expect(200);
    const mine = await harness.mailbox.waitForMessageTo(p.partners[0].email, /check-in/i, 15_000);
    await submit((await followEmailedLink(app.getHttpServer(), mine.raw, 'check-in')).token).expect(200);
    await until(async () => (await stepsOf(p.couple.id))[1].status === 'open' || undefined, 15_000);
    expect((await stepsOf(p.couple.id)).map((s) => s.status)).toEqual(['done', 'open']);
    for (const partner of p.partners) expect(checkInEmailsTo(partner.email)).toHaveLength(1);
  });

  it('says which partner a check-in step waits on when they have not agreed to email, and sends it when they do', async () => {
    const p = await practice();
    await db.query(`UPDATE client SET email_consent = false WHERE id = $1`, [p.partners[1].id]);
    const first = await enrolOnCheckInPath(p);
    await harness.mailbox.waitForMessageTo(p.partners[0].email, /check-in/i, 15_000);
    // Both sends ran: each partner's check-in exists, the second's email was not sent.
    await until(async () => {
      const done = await Promise.all(
        p.partners.map(async (pt) => (await checkIns.getJob(`program-check-in-${first.id}-${pt.id}`))?.finishedOn),
      );
      return done.every(Boolean) || undefined;
    }, 15_000);
    expect(await openStepCheckIns(p)).toEqual([
      { position: 1, state: 'sent', waitingReason: null, message: null },
      {
        position: 2,
        state: 'waiting',
        waitingReason: 'no_email_consent',
        message: expect.stringMatching(/^Partner has not agreed to email, so the check-in was not sent/),
      },
    ]);
    expect(checkInEmailsTo(p.partners[1].email)).toEqual([]);

    // The therapist records their consent: the waiting check-in goes out, once.
    await send(p.asTherapist, 'patch', `/api/v1/couples/${p.couple.id}`, {
      partners: [{ position: 2, emailConsent: true }],
    }).expect(200);
    await harness.mailbox.waitForMessageTo(p.partners[1].email, /check-in/i, 15_000);
    await until(async () => (await openStepCheckIns(p))[1].state === 'sent' || undefined, 15_000);
    // Saying so again sends nothing more.
    await send(p.asTherapist, 'patch', `/api/v1/couples/${p.couple.id}`, {
      partners: [{ position: 2, emailConsent: true }],
    }).expect(200);
    await new Promise((r) => setTimeout(r, 500));
    expect(checkInEmailsTo(p.partners[1].email)).toHaveLength(1);
  });
  /** The reminder jobs waiting in the queue for one check-in. */
  const pendingRemindersOf = async (checkInId: string) =>
    (await checkIns.getDelayed()).filter(
      (job) => job.name === JobName.RemindCheckIn && job.data.checkInId === checkInId,
    );
  const remindersTo = (address: string) => checkInEmailsTo(address).filter((m) => /^A reminder from/.test(m.subject));

  /** Consent withheld for the second partner: their step check-in is made, not sent; its id. */
  async function checkInWaitingForConsent(p: Awaited<ReturnType<typeof practice>>): Promise<string> {
    await db.query(`UPDATE client SET email_consent = false WHERE id = $1`, [p.partners[1].id]);
    const first = await enrolOnCheckInPath(p);
    return until(async () => {
      const [row]: { id: string }[] = await db.query(
        `SELECT id FROM check_in WHERE program_step_id = $1 AND client_id = $2`,
        [first.id, p.partners[1].id],
      );
      return row?.id;
    }, 15_000);
  }

  const giveConsent = async (p: Awaited<ReturnType<typeof practice>>) => {
    await send(p.asTherapist, 'patch', `/api/v1/couples/${p.couple.id}`, {
      partners: [{ position: 2, emailConsent: true }],
    }).expect(200);
    // Consent → outbox → email queue → worker → SMTP: a loaded CI machine (the multi-replica proof
    // runs beside this file) has taken over 15 s, so wait as long as the test may run.
    await harness.mailbox.waitForMessageTo(p.partners[1].email, /check-in/i, 45_000);
  };

  it('reminds a partner whose check-in went out late, after the first send’s reminder already ran', async () => {
    const p = await practice();
    const checkInId = await checkInWaitingForConsent(p);
    // The first send's reminder comes due while consent is still missing: nothing is sent.
    const early = await until(async () => (await pendingRemindersOf(checkInId))[0], 15_000);
    await early.promote();
    await until(async () => (await checkIns.getJob(early.id as string))?.finishedOn, 15_000);
    expect(remindersTo(p.partners[1].email)).toEqual([]);

    await giveConsent(p);
    // The late send plans its own reminder, a day on; it goes out when it comes due.
    const late = await until(async () => (await pendingRemindersOf(checkInId))[0], 15_000);
    expect(late.id).not.toBe(early.id);
    await late.promote();
    await harness.mailbox.waitForMessageTo(p.partners[1].email, /^A reminder from/, 15_000);
    await new Promise((r) => setTimeout(r, 300));
    expect(remindersTo(p.partners[1].email)).toHaveLength(1);
  }, 120_000);

  it('sends one reminder for a check-in that went out late before the first send’s reminder came due', async () => {
    const p = await practice();
    const checkInId = await checkInWaitingForConsent(p);
    const early = await until(async () => (await pendingRemindersOf(checkInId))[0], 15_000);
    await giveConsent(p);
    const reminders = await until(async () => {
      const found = await pendingRemindersOf(checkInId);
      return found.length === 2 ? found : undefined;
    }, 15_000);
    expect(reminders.map((job) => job.id)).toContain(early.id);
    // Both come due: the first send's is stale (the late send superseded it), the late send's goes.
    for (const job of reminders) await job.promote();
    await until(async () => {
      const done = await Promise.all(
        reminders.map(async (job) => (await checkIns.getJob(job.id as string))?.finishedOn),
      );
      return done.every(Boolean) || undefined;
    }, 15_000);
    await harness.mailbox.waitForMessageTo(p.partners[1].email, /^A reminder from/, 15_000);
    await new Promise((r) => setTimeout(r, 500));
    expect(remindersTo(p.partners[1].email)).toHaveLength(1);
  }, 120_000);

  it('makes the check-ins of a couple paused before they were sent, says so, and sends them when it is active again', async () => {
    const p = await practice();
    await db.query(`UPDATE client SET timezone = $2 WHERE couple_id = $1`, [p.couple.id, zoneAt(2)]);
    const first = await enrolOnCheckInPath(p);
    const jobs = await until(async () => {
      const found = await Promise.all(p.partners.map((pt) => checkIns.getJob(`program-check-in-${first.id}-${pt.id}`)));
      return found.every(Boolean) ? found.flatMap((job) => (job ? [job] : [])) : undefined;
    }, 15_000);
    await send(p.asTherapist, 'patch', `/api/v1/couples/${p.couple.id}`, { status: 'paused' }).expect(200);
    for (const job of jobs) await job.promote();
    await until(async () => {
      const done = await Promise.all(jobs.map(async (job) => (await checkIns.getJob(job.id as string))?.finishedOn));
      return done.every(Boolean) || undefined;
    }, 15_000);
    expect(await db.query(`SELECT id FROM check_in WHERE program_step_id = $1`, [first.id])).toHaveLength(2);
    const waiting = await openStepCheckIns(p);
    expect(waiting.map((c: { waitingReason: string }) => c.waitingReason)).toEqual([
      'couple_not_active',
      'couple_not_active',
    ]);
    expect(waiting[0].message).toMatch(/^The couple is not active, so Partner's check-in was not sent/);

    await send(p.asTherapist, 'patch', `/api/v1/couples/${p.couple.id}`, { status: 'active' }).expect(200);
    for (const partner of p.partners) await harness.mailbox.waitForMessageTo(partner.email, /check-in/i, 15_000);
    for (const partner of p.partners) expect(checkInEmailsTo(partner.email)).toHaveLength(1);
  });
  it('sends the check-ins of a step that came due while the path was paused when it is resumed, once', async () => {
    const p = await practice();
    // Night where they are: the step's sends wait for the morning, and the path is paused meanwhile.
    await db.query(`UPDATE client SET timezone = $2 WHERE couple_id = $1`, [p.couple.id, zoneAt(2)]);
    const first = await enrolOnCheckInPath(p);
    const jobs = await until(async () => {
      const found = await Promise.all(p.partners.map((pt) => checkIns.getJob(`program-check-in-${first.id}-${pt.id}`)));
      return found.every(Boolean) ? found.flatMap((job) => (job ? [job] : [])) : undefined;
    }, 15_000);
    const path = `/api/v1/couples/${p.couple.id}/program`;
    await send(p.asTherapist, 'patch', path, { status: 'paused' }).expect(200);
    for (const job of jobs) await job.promote();
    await until(async () => {
      const done = await Promise.all(jobs.map(async (job) => (await checkIns.getJob(job.id as string))?.finishedOn));
      return done.every(Boolean) || undefined;
    }, 15_000);
    // The path was paused when they came due: nothing was made.
    expect(await db.query(`SELECT id FROM check_in WHERE program_step_id = $1`, [first.id])).toEqual([]);

    // Resumed (in their morning now): the open step's check-ins go out, one each.
    await db.query(`UPDATE client SET timezone = $2 WHERE couple_id = $1`, [p.couple.id, middayZone()]);
    await send(p.asTherapist, 'patch', path, { status: 'active' }).expect(200);
    for (const partner of p.partners) await harness.mailbox.waitForMessageTo(partner.email, /check-in/i, 15_000);
    expect(await db.query(`SELECT id FROM check_in WHERE program_step_id = $1`, [first.id])).toHaveLength(2);
    // Paused and resumed again: nothing more is sent.
    await send(p.asTherapist, 'patch', path, { status: 'paused' }).expect(200);
    await send(p.asTherapist, 'patch', path, { status: 'active' }).expect(200);
    await new Promise((r) => setTimeout(r, 800));
    for (const partner of p.partners) expect(checkInEmailsTo(partner.email)).toHaveLength(1);
    expect(await db.query(`SELECT id FROM check_in WHERE program_step_id = $1`, [first.id])).toHaveLength(2);
    // The step still waits for both answers.
    expect((await stepsOf(p.couple.id)).map((s) => s.status)).toEqual(['open', 'pending']);
  });

  it('still plans the couple’s scheduled check-ins once a partner has a step’s check-in', async () => {
    const p = await practice();
    await enrolOnCheckInPath(p);
    for (const partner of p.partners) await harness.mailbox.waitForMessageTo(partner.email, /check-in/i, 15_000);
    // A schedule of the couple's own (its planning reads each partner's last check-in per schedule).
    await send(p.asTherapist, 'post', `/api/v1/couples/${p.couple.id}/check-in-schedules`, {
      measureId,
      kind: 'once',
      onceAt: new Date(Date.now() + 1000).toISOString(),
    }).expect(201);
    await until(async () => p.partners.every((pt) => checkInEmailsTo(pt.email).length === 2) || undefined, 15_000);
  });

  it('waits for both partners even while one partner’s check-in waits for their morning', async () => {
    const p = await practice();
    // The first partner is at midday, the second at night: only the first is sent theirs now.
    await db.query(`UPDATE client SET timezone = $2 WHERE id = $1`, [p.partners[1].id, zoneAt(2)]);
    const first = await enrolOnCheckInPath(p);
    const email = await harness.mailbox.waitForMessageTo(p.partners[0].email, /check-in/i, 15_000);
    await submit((await followEmailedLink(app.getHttpServer(), email.raw, 'check-in')).token).expect(200);
    const [mine]: { id: string }[] = await db.query(`SELECT id FROM check_in WHERE program_step_id = $1`, [first.id]);
    await until(
      async () => (await programs.getJob(`advance-program-${p.couple.id}-check-in-${mine.id}`))?.finishedOn,
      15_000,
    );
    // One check-in made and answered is not "both": the step stays open for the second partner.
    expect((await stepsOf(p.couple.id)).map((s) => s.status)).toEqual(['open', 'pending']);
    expect((await openStepCheckIns(p)).map((c: { state: string }) => c.state)).toEqual(['answered', 'sending']);
  });
});
