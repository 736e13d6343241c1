import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Queue } from 'bullmq';
import request from 'supertest';
import { DataSource, IsNull } from 'typeorm';
import { AuditEvent, Client, Clinic, Couple, Measure, StaffUser } from '@trellis/data';
import { SESSION_CHECK_OUT, TRUST_AND_CONNECTION_CHECK_IN } from '@trellis/domain';
import { bullConnectionOptions, JobName, QUEUE_JOB_OPTIONS, QueueName } from '@trellis/jobs';
import { checkInJobId } from '../../libs/features/src/check-ins/check-ins.processor';
import { nextSessionSql } from '../../libs/features/src/sessions/session-schedule.sql';
import { countQueries } from '../support/count-queries';
import { createTestApp } from '../support/create-test-app';
import { decodedEmailText, followEmailedLink } from '../support/email-links';
import { until } from '../support/eventually';
import { createClinic, createCouple, createStaff } from '../support/factories';
import { setPassword, signIn } from '../support/sign-in';
import { connectTestDatabase } from '../support/test-database';
import { startWorkerWithMailbox } from '../support/worker-harness';

type Agent = Awaited<ReturnType<typeof signIn>>;

const HOUR = 3600 * 1000;

/** A fixed-offset zone where it is around midday now: nothing planned in it falls in quiet hours. */
function middayZone(): string {
  const offset = 12 - new Date().getUTCHours();
  return offset === 0 ? 'Etc/GMT' : `Etc/GMT${offset > 0 ? '-' : '+'}${Math.abs(offset)}`;
}

// Every item answered: the same for each partner except where a test says otherwise.
const answersOf = (value: number) =>
  Object.fromEntries(TRUST_AND_CONNECTION_CHECK_IN.definition.items.map((item) => [item.id, value]));

describe('check-ins: scheduled per couple, sent to each partner, answered once on a phone', () => {
  let app: NestFastifyApplication;
  let db: DataSource;
  let harness: Awaited<ReturnType<typeof startWorkerWithMailbox>>;
  let queue: Queue;
  let measureId: string;
  let checkOutId: string;

  beforeAll(async () => {
    app = await createTestApp();
    db = await connectTestDatabase();
    harness = await startWorkerWithMailbox();
    queue = new Queue(QueueName.CheckIns, {
      connection: bullConnectionOptions(process.env.REDIS_URL as string),
      prefix: process.env.QUEUE_PREFIX,
    });
    measureId = (
      await db.getRepository(Measure).findOneByOrFail({ key: TRUST_AND_CONNECTION_CHECK_IN.key, clinicId: IsNull() })
    ).id;
    checkOutId = (await db.getRepository(Measure).findOneByOrFail({ key: SESSION_CHECK_OUT.key, clinicId: IsNull() }))
      .id;
  });
  afterAll(async () => {
    // Let the plans the last test caused finish before the worker and its connections stop.
    await until(async () => {
      const counts = await queue.getJobCounts('waiting', 'active');
      return counts.waiting === 0 && counts.active === 0;
    }).catch(() => undefined);
    await queue.close();
    await harness.stop();
    await app.close();
    await db.destroy();
  });

  async function practice(overrides: Partial<Couple> = {}): Promise<{
    clinic: Clinic;
    therapist: StaffUser;
    asTherapist: Agent;
    couple: Couple;
    partners: [Client, Client];
  }> {
    const clinic = await createClinic(db);
    const therapist = await createStaff(db, clinic);
    await setPassword(db, therapist);
    const asTherapist = await signIn(app, therapist.email);
    const { couple, partners } = await createCouple(db, clinic, therapist, overrides);
    await db.query(`UPDATE client SET timezone = $2 WHERE couple_id = $1`, [couple.id, middayZone()]);
    return { clinic, therapist, asTherapist, couple, partners };
  }

  const schedules = (coupleId: string) => `/api/v1/couples/${coupleId}/check-in-schedules`;

  const createSchedule = (as: Agent, coupleId: string, body: object) =>
    as.agent
      .post(schedules(coupleId))
      .set('x-csrf-token', as.csrfToken)
      .send({ measureId, ...body });

  const submit = (token: string, answers: object) =>
    request(app.getHttpServer()).post('/api/v1/check-ins/submit').set('x-homework-csrf', '1').send({ token, answers });

  const checkInRows = (coupleId: string): Promise<{ client_id: string; occurrence: string }[]> =>
    db.query(`SELECT client_id, occurrence FROM check_in WHERE couple_id = $1 ORDER BY client_id`, [coupleId]);

  /** Sends a check-in a second from now and returns each partner's emailed token, partner 1 first. */
  async function sendOnceNow(as: Agent, coupleId: string, partners: [Client, Client], extra: object = {}) {
    const onceAt = new Date(Date.now() + 1000).toISOString();
    const created = await createSchedule(as, coupleId, { kind: 'once', onceAt, ...extra }).expect(201);
    const tokens: string[] = [];
    for (const partner of partners) {
      const email = await harness.mailbox.waitForMessageTo(partner.email, /check-in/i, 15_000);
      tokens.push((await followEmailedLink(app.getHttpServer(), email.raw, 'check-in')).token);
    }
    return { scheduleId: created.body.id as string, tokens: tokens as [string, string] };
  }

  it('schedule → job → email → link → submit → the therapist sees both scores', async () => {
    const { asTherapist, couple, partners } = await practice();
    const { scheduleId, tokens } = await sendOnceNow(asTherapist, couple.id, partners);

    // The email names no measure and no question: those are behind the link.
    const email = await harness.mailbox.waitForMessageTo(partners[0].email, /check-in/i);
    const text = decodedEmailText(email.raw);
    expect(text).not.toContain(TRUST_AND_CONNECTION_CHECK_IN.title);
    for (const item of TRUST_AND_CONNECTION_CHECK_IN.definition.items) expect(text).not.toContain(item.label);

    // The link shows the form: the items on their scale, and nothing of anyone's scores.
    const form = await request(app.getHttpServer())
      .post('/api/v1/check-ins/link')
      .send({ token: tokens[0] })
      .expect(200);
    expect(form.body.title).toBe(TRUST_AND_CONNECTION_CHECK_IN.title);
    expect(form.body.items.map((i: { id: string }) => i.id)).toEqual(
      TRUST_AND_CONNECTION_CHECK_IN.definition.items.map((i) => i.id),
    );
    expect(form.body.items[0].scale).toEqual(TRUST_AND_CONNECTION_CHECK_IN.definition.scale);

    const first = await submit(tokens[0], answersOf(8)).expect(200);
    // kept-to-myself is reverse-scored: 8 counts as 2.
    expect(first.body.score).toBe(8 * 4 + 2);
    expect(first.body.mine).toEqual([expect.objectContaining({ score: 34 })]);
    expect(first.body.partner).toEqual([]);

    // Submitting closed the link: it neither shows the form nor takes a second answer.
    await request(app.getHttpServer()).post('/api/v1/check-ins/link').send({ token: tokens[0] }).expect(404);
    await submit(tokens[0], answersOf(1)).expect(404);

    const second = await submit(tokens[1], answersOf(5)).expect(200);
    // Sharing is off by default: both answered, and still nothing of partner 1 is returned.
    expect(second.body.partner).toEqual([]);
    expect(JSON.stringify(second.body)).not.toContain('"score":34');

    const seen = await asTherapist.agent
      .get(`/api/v1/couples/${couple.id}/measures/${measureId}/responses`)
      .expect(200);
    expect(seen.body.partners.map((p: { responses: { score: number }[] }) => p.responses.map((r) => r.score))).toEqual([
      [34],
      [25],
    ]);

    // The job carried ids and the occurrence key, nothing more.
    const job = await queue.getJob(checkInJobId(scheduleId, partners[0].id, 'once'));
    expect(Object.keys(job?.data ?? {}).sort()).toEqual(['clientId', 'clinicId', 'occurrence', 'scheduleId']);

    // The schedule now has nothing more to send.
    const list = await asTherapist.agent.get(schedules(couple.id)).expect(200);
    expect(list.body.data[0].upcoming).toEqual([]);
  }, 40_000);

  it("shows a partner the other's scores only for check-ins both answered, and only when sharing is on", async () => {
    const { asTherapist, couple, partners } = await practice();
    const { tokens } = await sendOnceNow(asTherapist, couple.id, partners, { shareWithPartner: true });

    // The curious partner answers first: the other has not answered, so nothing of theirs comes back.
    const first = await submit(tokens[0], answersOf(3)).expect(200);
    expect(first.body.partner).toEqual([]);
    expect(first.body.partnerFirstName).toBeNull();

    const second = await submit(tokens[1], answersOf(9)).expect(200);
    expect(second.body.mine.map((p: { score: number }) => p.score)).toEqual([9 * 4 + 1]);
    expect(second.body.partner.map((p: { score: number }) => p.score)).toEqual([3 * 4 + 7]);
    expect(second.body.partnerFirstName).toBe('Partner');

    const audited = await db.getRepository(AuditEvent).findBy({ action: 'check_in.view', recordId: couple.id });
    expect(audited.map((a) => a.actorId).sort()).toEqual([partners[0].id, partners[1].id].sort());
  }, 40_000);

  it('sends once when the same job runs twice', async () => {
    const { asTherapist, couple, partners } = await practice();
    const { scheduleId } = await sendOnceNow(asTherapist, couple.id, partners);
    const deliveries = async () =>
      Number(
        (
          await db.query(
            `SELECT count(*) AS n FROM email_delivery d JOIN check_in k ON k.id::text = d.subject_ids->>'checkInId'
             WHERE k.couple_id = $1`,
            [couple.id],
          )
        )[0].n,
      );
    expect(await deliveries()).toBe(2);
    const again = await queue.add(
      JobName.SendCheckIn,
      { scheduleId, clientId: partners[0].id, clinicId: couple.clinicId, occurrence: 'once' },
      { ...QUEUE_JOB_OPTIONS[QueueName.CheckIns], jobId: `again-${scheduleId}` },
    );
    await until(async () => (await again.getState()) === 'completed');
    expect(await checkInRows(couple.id)).toHaveLength(2);
    expect(await deliveries()).toBe(2);
  }, 40_000);

  it('reminds a partner a day later with a new link, and stays silent once they answered', async () => {
    const { asTherapist, couple, partners } = await practice();
    const { tokens } = await sendOnceNow(asTherapist, couple.id, partners);
    const rows: { id: string; client_id: string }[] = await db.query(
      `SELECT id, client_id FROM check_in WHERE couple_id = $1`,
      [couple.id],
    );
    const idOf = (partner: Client) => rows.find((r) => r.client_id === partner.id)?.id as string;
    const planned = await until(() => queue.getJob(`check-in-reminder-${idOf(partners[0])}`));
    expect(await planned.getState()).toBe('delayed');
    expect(planned.data).toEqual({
      checkInId: idOf(partners[0]),
      clinicId: couple.clinicId,
      sendKey: `check-in-${idOf(partners[0])}`,
    });
    expect(planned.opts.delay).toBeGreaterThan(23 * HOUR);

    // Partner 2 answers; then both reminders fire (made due now).
    await submit(tokens[1], answersOf(6)).expect(200);
    for (const partner of partners) {
      const job = await queue.add(
        JobName.RemindCheckIn,
        { checkInId: idOf(partner), clinicId: couple.clinicId },
        { ...QUEUE_JOB_OPTIONS[QueueName.CheckIns], jobId: `remind-now-${idOf(partner)}` },
      );
      await until(async () => (await job.getState()) === 'completed');
    }
    const reminder = await harness.mailbox.waitForMessageTo(partners[0].email, /reminder/i, 15_000);
    const { token } = await followEmailedLink(app.getHttpServer(), reminder.raw, 'check-in');
    // The reminder's link replaced the first one.
    await request(app.getHttpServer()).post('/api/v1/check-ins/link').send({ token: tokens[0] }).expect(404);
    await submit(token, answersOf(7)).expect(200);
    // Partner 2 had answered: their reminder was recorded and skipped, never sent.
    const [skipped] = await db.query(`SELECT status FROM email_delivery WHERE idempotency_key = $1`, [
      `check-in-reminder-${idOf(partners[1])}`,
    ]);
    expect(skipped.status).toBe('skipped');
    expect(
      harness.mailbox.messages.filter((m) => m.to.includes(partners[1].email) && /reminder/i.test(m.subject)),
    ).toEqual([]);
  }, 40_000);

  it('moves a session-based check-in with the session, and sends nothing for a moved, cleared or paused one', async () => {
    const firstSession = new Date(Date.now() + 3 * 24 * HOUR);
    const { asTherapist, couple, partners } = await practice({ nextSessionAt: firstSession });
    const created = await createSchedule(asTherapist, couple.id, { kind: 'before_session', hours: 24 }).expect(201);
    const scheduleId: string = created.body.id;
    const jobFor = (session: Date) =>
      queue.getJob(checkInJobId(scheduleId, partners[0].id, `session-${session.getTime()}`));
    const planned = await until(() => jobFor(firstSession));
    expect(await planned.getState()).toBe('delayed');
    expect(created.body.upcoming).toHaveLength(2);
    expect(new Date(created.body.upcoming[0].sendAt).getTime()).toBeLessThan(firstSession.getTime());

    const moved = new Date(firstSession.getTime() + 2 * 24 * HOUR);
    await asTherapist.agent
      .patch(`/api/v1/couples/${couple.id}`)
      .set('x-csrf-token', asTherapist.csrfToken)
      .send({ nextSessionAt: moved.toISOString() })
      .expect(200);
    await until(() => jobFor(moved));

    // The old session's job fires (made due now): it re-plans, finds another occurrence, sends nothing.
    const fire = async (occurrence: string) => {
      const job = await queue.add(
        JobName.SendCheckIn,
        { scheduleId, clientId: partners[0].id, clinicId: couple.clinicId, occurrence },
        { ...QUEUE_JOB_OPTIONS[QueueName.CheckIns], jobId: `fire-${occurrence}-${Date.now()}` },
      );
      await until(async () => (await job.getState()) === 'completed');
    };
    await fire(`session-${firstSession.getTime()}`);
    expect(await checkInRows(couple.id)).toEqual([]);

    // Cleared: the moved session's check-in is cancelled.
    await asTherapist.agent
      .patch(`/api/v1/couples/${couple.id}`)
      .set('x-csrf-token', asTherapist.csrfToken)
      .send({ nextSessionAt: null })
      .expect(200);
    await fire(`session-${moved.getTime()}`);
    expect(await checkInRows(couple.id)).toEqual([]);
    const list = await asTherapist.agent.get(schedules(couple.id)).expect(200);
    expect(list.body.data[0].upcoming).toEqual([]);

    // Paused, with a session due within the day: still nothing.
    const soon = new Date(Date.now() + 2 * HOUR);
    await asTherapist.agent
      .patch(`/api/v1/couples/${couple.id}`)
      .set('x-csrf-token', asTherapist.csrfToken)
      .send({ nextSessionAt: soon.toISOString(), status: 'paused' })
      .expect(200);
    await fire(`session-${soon.getTime()}`);
    expect(await checkInRows(couple.id)).toEqual([]);
  }, 40_000);

  it('sends the check-out for the session just held though the next is already booked, and none for a cancelled one', async () => {
    const { therapist, asTherapist, couple, partners } = await practice();
    /** Books the sessions straight into the table, then derives the couple's next session as the app does. */
    const book = async (c: Couple, therapistId: string, sessions: [Date, 'held' | 'scheduled' | 'cancelled'][]) => {
      for (const [startsAt, status] of sessions)
        await db.query(
          `INSERT INTO session (clinic_id, couple_id, therapist_id, starts_at, duration_minutes, status,
             attendance_partner1, attendance_partner2, cancelled_at)
           VALUES ($1, $2, $3, $4, 50, $5, CASE WHEN $5 = 'held' THEN 'attended' END,
             CASE WHEN $5 = 'held' THEN 'late' END, CASE WHEN $5 = 'cancelled' THEN now() END)`,
          [c.clinicId, c.id, therapistId, startsAt, status],
        );
      await db.query(`UPDATE couple SET next_session_at = ${nextSessionSql('$1')} WHERE id = $1`, [c.id]);
    };
    // Held two hours ago; the next booked two days on, so the couple's next session has moved on.
    const held = new Date(Date.now() - 2 * HOUR);
    const following = new Date(Date.now() + 2 * 24 * HOUR);
    await book(couple, therapist.id, [
      [held, 'held'],
      [following, 'scheduled'],
    ]);

    // An hour after each session: the held one's check-out was due an hour ago (its job firing late).
    const created = await createSchedule(asTherapist, couple.id, {
      measureId: checkOutId,
      kind: 'after_session',
      hours: 1,
    }).expect(201);
    const scheduleId: string = created.body.id;
    expect(created.body.upcoming.map((u: { occurrence: string }) => u.occurrence)).toEqual([
      `session-${held.getTime()}`,
      `session-${held.getTime()}`,
    ]);
    for (const partner of partners) await harness.mailbox.waitForMessageTo(partner.email, /check-in/i, 15_000);
    const occurrences = async () => (await checkInRows(couple.id)).map((r) => r.occurrence).sort();
    expect(await occurrences()).toEqual([`session-${held.getTime()}`, `session-${held.getTime()}`]);
    // Then the next session's check-out is planned, and the held one's is not sent again.
    const nextJob = await until(() =>
      queue.getJob(checkInJobId(scheduleId, partners[0].id, `session-${following.getTime()}`)),
    );
    expect(await nextJob.getState()).toBe('delayed');
    const fire = async (coupleId: string, id: string, clientId: string, occurrence: string) => {
      const job = await queue.add(
        JobName.SendCheckIn,
        { scheduleId: id, clientId, clinicId: couple.clinicId, occurrence },
        { ...QUEUE_JOB_OPTIONS[QueueName.CheckIns], jobId: `fire-${coupleId}-${occurrence}-${Date.now()}` },
      );
      await until(async () => (await job.getState()) === 'completed');
    };
    await fire(couple.id, scheduleId, partners[0].id, `session-${held.getTime()}`);
    expect(await occurrences()).toHaveLength(2);

    // Another couple: its last session, two hours ago, was cancelled. No check-out for it, even
    // when its job fires; the one held a week before had its chance.
    const other = await practice();
    const cancelled = held;
    await book(other.couple, other.therapist.id, [
      [new Date(held.getTime() - 7 * 24 * HOUR), 'held'],
      [cancelled, 'cancelled'],
      [following, 'scheduled'],
    ]);
    const theirs = await createSchedule(other.asTherapist, other.couple.id, {
      measureId: checkOutId,
      kind: 'after_session',
      hours: 1,
    }).expect(201);
    expect(theirs.body.upcoming.map((u: { occurrence: string }) => u.occurrence)).toEqual([
      `session-${following.getTime()}`,
      `session-${following.getTime()}`,
    ]);
    await until(() =>
      queue.getJob(checkInJobId(theirs.body.id, other.partners[0].id, `session-${following.getTime()}`)),
    );
    await fire(other.couple.id, theirs.body.id, other.partners[0].id, `session-${cancelled.getTime()}`);
    expect(await checkInRows(other.couple.id)).toEqual([]);
    expect(harness.mailbox.messages.filter((m) => m.to.includes(other.partners[0].email))).toEqual([]);
  }, 40_000);

  it('lists, changes and deletes schedules, audited, in a fixed number of statements', async () => {
    const { asTherapist, couple, partners } = await practice();
    const weekly = await createSchedule(asTherapist, couple.id, {
      kind: 'weekly',
      weekday: 3,
      localTime: '18:30',
    }).expect(201);
    expect(weekly.body).toMatchObject({ kind: 'weekly', weekday: 3, localTime: '18:30', shareWithPartner: false });
    expect(weekly.body.upcoming.map((u: { clientId: string }) => u.clientId)).toEqual(partners.map((p) => p.id));

    const changed = await asTherapist.agent
      .put(`${schedules(couple.id)}/${weekly.body.id}`)
      .set('x-csrf-token', asTherapist.csrfToken)
      .send({ kind: 'after_session', hours: 2, shareWithPartner: true })
      .expect(200);
    expect(changed.body).toMatchObject({ kind: 'after_session', hours: 2, weekday: null, shareWithPartner: true });

    // A fixed number of statements, however many schedules.
    // The worker shares this process (its outbox relay polls every 50 ms): the fewest of a few
    // runs is the endpoint's own count.
    const statements = async () => {
      const counts: number[] = [];
      for (let i = 0; i < 5; i++)
        counts.push(await countQueries(() => asTherapist.agent.get(schedules(couple.id)).expect(200)));
      return Math.min(...counts);
    };
    const one = await statements();
    await createSchedule(asTherapist, couple.id, {
      measureId: checkOutId,
      kind: 'once',
      onceAt: new Date(Date.now() + 9 * HOUR).toISOString(),
    }).expect(201);
    const two = await statements();
    expect(two).toBe(one);

    await asTherapist.agent
      .delete(`${schedules(couple.id)}/${weekly.body.id}`)
      .set('x-csrf-token', asTherapist.csrfToken)
      .expect(204);
    expect((await asTherapist.agent.get(schedules(couple.id)).expect(200)).body.total).toBe(1);
    const actions = (await db.getRepository(AuditEvent).findBy({ recordId: weekly.body.id })).map((a) => a.action);
    expect(actions.sort()).toEqual([
      'check_in_schedule.create',
      'check_in_schedule.delete',
      'check_in_schedule.update',
    ]);
  });

  it("answers another clinic's and another therapist's requests with 404 and changes nothing", async () => {
    const { clinic, asTherapist, couple } = await practice();
    const created = await createSchedule(asTherapist, couple.id, { kind: 'weekly', weekday: 1, localTime: '09:00' });
    const path = `${schedules(couple.id)}/${created.body.id}`;
    const colleague = await createStaff(db, clinic);
    await setPassword(db, colleague);
    const otherClinic = await createClinic(db);
    const outsider = await createStaff(db, otherClinic, { role: 'admin' });
    await setPassword(db, outsider);
    const before = await db.query(`SELECT * FROM check_in_schedule WHERE couple_id = $1`, [couple.id]);
    for (const who of [await signIn(app, colleague.email), await signIn(app, outsider.email)]) {
      await who.agent.get(schedules(couple.id)).expect(404);
      await createSchedule(who, couple.id, { kind: 'once', onceAt: new Date(Date.now() + HOUR).toISOString() }).expect(
        404,
      );
      await who.agent
        .put(path)
        .set('x-csrf-token', who.csrfToken)
        .send({ kind: 'weekly', weekday: 2, localTime: '10:00' })
        .expect(404);
      await who.agent.delete(path).set('x-csrf-token', who.csrfToken).expect(404);
    }
    expect(await db.query(`SELECT * FROM check_in_schedule WHERE couple_id = $1`, [couple.id])).toEqual(before);
    const denied = await db.getRepository(AuditEvent).findBy({ action: 'check_in_schedule.list', outcome: 'denied' });
    expect(denied.map((d) => d.recordId)).toContain(couple.id);
  });

  it('refuses bad input with a 400 naming the field, and writes nothing', async () => {
    const { asTherapist, couple } = await practice();
    const otherClinic = await createClinic(db);
    const outsider = await createStaff(db, otherClinic);
    await setPassword(db, outsider);
    const asOutsider = await signIn(app, outsider.email);
    const { body: foreign } = await asOutsider.agent
      .post('/api/v1/measures')
      .set('x-csrf-token', asOutsider.csrfToken)
      .send({ title: 'Theirs', kind: 'outcome', definition: TRUST_AND_CONNECTION_CHECK_IN.definition })
      .expect(201);
    const cases: [object, string][] = [
      [{ kind: 'weekly', localTime: '09:00' }, 'weekday'],
      [{ kind: 'weekly', weekday: 8, localTime: '09:00' }, 'weekday'],
      [{ kind: 'weekly', weekday: 1, localTime: '25:00' }, 'localTime'],
      [{ kind: 'before_session' }, 'hours'],
      [{ kind: 'before_session', hours: 0 }, 'hours'],
      [{ kind: 'before_session', hours: 2, weekday: 1 }, 'weekday'],
      [{ kind: 'once', onceAt: '2020-01-01T00:00:00Z' }, 'onceAt'],
      [{ kind: 'once', onceAt: 'tomorrow' }, 'onceAt'],
      [{ kind: 'monthly' }, 'kind'],
      [{ kind: 'weekly', weekday: 1, localTime: '09:00', measureId: foreign.id }, 'measureId'],
      [{ kind: 'weekly', weekday: 1, localTime: '09:00', clinicId: otherClinic.id }, 'clinicId'],
    ];
    for (const [body, field] of cases) {
      const res = await createSchedule(asTherapist, couple.id, body).expect(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    expect(await db.query(`SELECT id FROM check_in_schedule WHERE couple_id = $1`, [couple.id])).toEqual([]);

    await createSchedule(asTherapist, couple.id, { kind: 'weekly', weekday: 1, localTime: '09:00' }).expect(201);
    await createSchedule(asTherapist, couple.id, { kind: 'after_session', hours: 2 }).expect(409);
  });

  it("refuses bad answers naming the item, keeps the link open, and never takes another partner's link", async () => {
    const { asTherapist, couple, partners } = await practice();
    const { tokens } = await sendOnceNow(asTherapist, couple.id, partners);
    const bad = await submit(tokens[0], { ...answersOf(5), close: 11 }).expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(['answers.close']);
    expect(await db.query(`SELECT id FROM measure_response WHERE couple_id = $1`, [couple.id])).toEqual([]);
    await request(app.getHttpServer()).post('/api/v1/check-ins/link').send({ token: tokens[0] }).expect(200);

    // A made-up token, and a homework-style token that was never a check-in's: the same 404.
    await submit('A'.repeat(43), answersOf(5)).expect(404);
    await request(app.getHttpServer())
      .post('/api/v1/check-ins/link')
      .send({ token: 'B'.repeat(43) })
      .expect(404);
    // No CSRF header: refused before anything is read.
    await request(app.getHttpServer())
      .post('/api/v1/check-ins/submit')
      .send({ token: tokens[0], answers: answersOf(5) })
      .expect(403);
  }, 40_000);
});
