import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Queue } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { DataSource, IsNull } from 'typeorm';
import { Assignment, AssignmentSeries, AuditEvent, Clinic, Couple, Exercise, StaffUser } from '@trellis/data';
import { seriesDueAtMs } from '@trellis/domain';
import { bullConnectionOptions, JobName, QUEUE_JOB_OPTIONS, QueueName } from '@trellis/jobs';
import { countQueries } from '../support/count-queries';
import { createTestApp } from '../support/create-test-app';
import { until } from '../support/eventually';
import { createClinic, createCouple, createStaff } from '../support/factories';
import { setPassword, signIn } from '../support/sign-in';
import { connectTestDatabase } from '../support/test-database';
import { startWorkerWithMailbox } from '../support/worker-harness';

type Agent = Awaited<ReturnType<typeof signIn>>;
type IssuePayload = { seriesId: string; clinicId: string; occurrence: number; revision: number };

const DAY = 86_400_000;

/** 'YYYY-MM-DD' of a UTC calendar day. */
const dateOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The Monday before next year's last Sunday of March: a weekly series from it crosses into BST. */
function mondayBeforeSpringForward(): { monday: string; year: number } {
  const year = new Date().getUTCFullYear() + 1;
  let sunday = Date.UTC(year, 2, 31);
  while (new Date(sunday).getUTCDay() !== 0) sunday -= DAY;
  return { monday: dateOf(sunday - 6 * DAY), year };
}

/** A date `days` from today in UTC (London is within an hour of it). */
const inDays = (days: number) => dateOf(Date.now() + days * DAY);

/**
 * Issue 19, item 1 (and item 5 for it): recurring homework. Each occurrence is its own
 * assignment, issued by a delayed job with a deterministic id that re-reads the series and the
 * couple when it fires.
 */
describe('recurring homework (assignment series)', () => {
  let app: NestFastifyApplication;
  let db: DataSource;
  let harness: Awaited<ReturnType<typeof startWorkerWithMailbox>>;
  let queue: Queue;
  let exerciseId: string;

  beforeAll(async () => {
    app = await createTestApp();
    db = await connectTestDatabase();
    harness = await startWorkerWithMailbox();
    queue = new Queue(QueueName.AssignmentSeries, {
      connection: bullConnectionOptions(process.env.REDIS_URL as string),
      prefix: process.env.QUEUE_PREFIX,
    });
    exerciseId = (await db.getRepository(Exercise).findOneByOrFail({ clinicId: IsNull(), strategy: 'openness' })).id;
  });
  afterAll(async () => {
    await queue.close();
    await harness.stop();
    await app.close();
    await db.destroy();
  });

  async function practice(clinicOverrides: Partial<Clinic> = {}) {
    const clinic = await createClinic(db, clinicOverrides);
    const therapist = await createStaff(db, clinic);
    await setPassword(db, therapist);
    const as = await signIn(app, therapist.email);
    const { couple, partners } = await createCouple(db, clinic, therapist);
    return { clinic, therapist, as, couple, partners };
  }

  const create = (as: Agent, body: object) =>
    as.agent.post('/api/v1/assignment-series').set('x-csrf-token', as.csrfToken).send(body);

  const weekly = (coupleId: string, overrides: object = {}) => ({
    coupleId,
    exerciseId,
    rhythm: 'weekly',
    dueTime: '18:00',
    startsOn: inDays(3),
    count: 4,
    message: 'Ten minutes, together, before the weekend.',
    ...overrides,
  });

  const occurrences = (seriesId: string) =>
    db.getRepository(Assignment).find({ where: { seriesId }, order: { seriesOccurrence: 'ASC' } });

  const seriesRow = (id: string) => db.getRepository(AssignmentSeries).findOneByOrFail({ id });

  /** The job the series planned (written to the outbox in the same transaction): its payload and run time. */
  async function plannedJob(seriesId: string, occurrence: number, revision: number) {
    const [row]: { payload: IssuePayload; run_at: Date }[] = await db.query(
      `SELECT payload, run_at FROM outbox WHERE job_id = $1`,
      [`series-${seriesId}-${occurrence}-r${revision}`],
    );
    return row;
  }

  /** Fires a planned job now (as BullMQ would when its delay is up), `times` times at once. */
  async function fire(payload: IssuePayload, times = 1): Promise<void> {
    const jobs = await Promise.all(
      Array.from({ length: times }, () =>
        queue.add(JobName.IssueSeriesOccurrence, payload, {
          ...QUEUE_JOB_OPTIONS[QueueName.AssignmentSeries],
          jobId: `fire-${randomUUID()}`,
        }),
      ),
    );
    for (const job of jobs) {
      await until(async () => {
        const state = await queue.getJobState(job.id as string);
        if (state === 'failed') throw new Error(`job failed: ${(await queue.getJob(job.id as string))?.failedReason}`);
        return state === 'completed';
      }, 15_000);
    }
  }

  it('issues the first occurrence at once and each next one when its job fires, at 18:00 London across the change to BST', async () => {
    const p = await practice({ timezone: 'Europe/London' });
    const { monday, year } = mondayBeforeSpringForward();
    const created = await create(p.as, weekly(p.couple.id, { startsOn: monday, count: 3 })).expect(201);
    expect(created.body).toMatchObject({
      coupleId: p.couple.id,
      rhythm: 'weekly',
      dueTime: '18:00',
      timeZone: 'Europe/London',
      status: 'active',
      occurrencesSoFar: 1,
      // The next one is after the clocks go forward: 18:00 BST is 17:00 UTC.
      nextDueAt: `${dateOf(Date.parse(`${monday}T00:00:00Z`) + 7 * DAY)}T17:00:00.000Z`,
    });
    const seriesId: string = created.body.id;

    // The first occurrence: ordinary homework, its own due date, a response and a link per partner.
    const [first] = await occurrences(seriesId);
    expect(first).toMatchObject({ seriesOccurrence: 1, coupleId: p.couple.id, message: weekly('').message });
    expect(first.dueAt.toISOString()).toBe(`${monday}T18:00:00.000Z`);
    expect(created.body.lastAssignmentId).toBe(first.id);
    const listed = await p.as.agent.get(`/api/v1/couples/${p.couple.id}/assignments`).expect(200);
    expect(listed.body.data).toEqual([
      expect.objectContaining({ id: first.id, series: { id: seriesId, occurrence: 1 } }),
    ]);
    await harness.mailbox.waitForMessageTo(p.partners[0].email);
    await harness.mailbox.waitForMessageTo(p.partners[1].email);
    const [{ n: responses }] = await db.query(
      `SELECT count(*)::int AS n FROM homework_response WHERE assignment_id = $1`,
      [first.id],
    );
    expect(responses).toBe(2);

    // The next occurrence's job, planned for when the first falls due.
    const second = await plannedJob(seriesId, 2, 1);
    expect(second.run_at.toISOString()).toBe(first.dueAt.toISOString());
    expect(second.payload).toEqual({ seriesId, clinicId: p.clinic.id, occurrence: 2, revision: 1 });

    // The job runs twice at once (a retry, a second worker): one occurrence, one audit row.
    await fire(second.payload, 2);
    const afterSecond = await occurrences(seriesId);
    expect(afterSecond.map((a) => a.seriesOccurrence)).toEqual([1, 2]);
    expect(afterSecond[1].dueAt.toISOString()).toBe(
      `${dateOf(Date.parse(`${monday}T00:00:00Z`) + 7 * DAY)}T17:00:00.000Z`,
    );
    expect(afterSecond[1].dueAt.getUTCFullYear()).toBe(year);
    const audits = await db
      .getRepository(AuditEvent)
      .findBy({ action: 'assignment.create', recordId: afterSecond[1].id });
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ actorType: 'system', actorId: null, clinicId: p.clinic.id });
    // And again later (the relay re-adding a finished id, a retry after a crash): still nothing more.
    await fire(second.payload);
    expect(await occurrences(seriesId)).toHaveLength(2);

    // The third and last: after it the series has ended and plans nothing further.
    await fire((await plannedJob(seriesId, 3, 1)).payload);
    expect((await occurrences(seriesId)).map((a) => a.seriesOccurrence)).toEqual([1, 2, 3]);
    expect((await seriesRow(seriesId)).status).toBe('ended');
    expect(await plannedJob(seriesId, 4, 1)).toBeUndefined();
  });

  it('falls on chosen weekdays in New York time, through the clocks going back', async () => {
    const p = await practice({ timezone: 'America/New_York' });
    const year = new Date().getUTCFullYear() + 1;
    // The first Sunday of November: clocks go back. Start the Friday before; Saturdays and Mondays at 20:00.
    let sunday = Date.UTC(year, 10, 1);
    while (new Date(sunday).getUTCDay() !== 0) sunday += DAY;
    const created = await create(p.as, {
      ...weekly(p.couple.id),
      rhythm: 'weekdays',
      weekdays: [6, 1],
      dueTime: '20:00',
      startsOn: dateOf(sunday - 2 * DAY),
      count: undefined,
      endsOn: dateOf(sunday + 1 * DAY),
    }).expect(201);
    const seriesId: string = created.body.id;
    await fire((await plannedJob(seriesId, 2, 1)).payload);
    const [saturday, monday] = await occurrences(seriesId);
    // Saturday 20:00 EDT (UTC-4), Monday 20:00 EST (UTC-5); the end date stops it after Monday.
    expect(saturday.dueAt.toISOString()).toBe(`${dateOf(sunday)}T00:00:00.000Z`);
    expect(monday.dueAt.toISOString()).toBe(`${dateOf(sunday + 2 * DAY)}T01:00:00.000Z`);
    expect((await seriesRow(seriesId)).status).toBe('ended');
  });

  it('editing the series changes only future occurrences; the job planned before the edit does nothing', async () => {
    const p = await practice();
    const created = await create(p.as, weekly(p.couple.id)).expect(201);
    const seriesId: string = created.body.id;
    const [first] = await occurrences(seriesId);
    const stale = (await plannedJob(seriesId, 2, 1)).payload;

    const edited = await p.as.agent
      .patch(`/api/v1/assignment-series/${seriesId}`)
      .set('x-csrf-token', p.as.csrfToken)
      .send({ dueTime: '07:30', message: 'Mornings suit you better.', rhythm: 'fortnightly' })
      .expect(200);
    expect(edited.body).toMatchObject({
      dueTime: '07:30',
      rhythm: 'fortnightly',
      message: 'Mornings suit you better.',
    });
    // The occurrence already issued keeps its time and note.
    const [unchanged] = await occurrences(seriesId);
    expect(unchanged.dueAt).toEqual(first.dueAt);
    expect(unchanged.message).toBe(weekly('').message);

    await fire(stale);
    expect(await occurrences(seriesId)).toHaveLength(1);
    await fire((await plannedJob(seriesId, 2, 2)).payload);
    const [, second] = await occurrences(seriesId);
    expect(second.message).toBe('Mornings suit you better.');
    // Two weeks after the first date, at the new time on London's clock (whatever daylight saving does).
    const { startsOn } = await seriesRow(seriesId);
    expect(second.dueAt.getTime()).toBe(
      seriesDueAtMs(dateOf(Date.parse(`${startsOn}T00:00:00Z`) + 14 * DAY), '07:30', 'Europe/London'),
    );
    expect(await db.getRepository(AuditEvent).countBy({ action: 'assignment_series.update', recordId: seriesId })).toBe(
      1,
    );
  });

  it('a paused couple gets nothing and the series stops; a discharged one likewise', async () => {
    for (const status of ['paused', 'discharged'] as const) {
      const p = await practice();
      const seriesId: string = (await create(p.as, weekly(p.couple.id)).expect(201)).body.id;
      await db.getRepository(Couple).update({ id: p.couple.id }, { status });
      const listed = await p.as.agent.get(`/api/v1/couples/${p.couple.id}/assignment-series`).expect(200);
      expect(listed.body.data[0]).toMatchObject({ status: 'active', nextDueAt: null });
      await fire((await plannedJob(seriesId, 2, 1)).payload);
      expect(await occurrences(seriesId)).toHaveLength(1);
      expect(await seriesRow(seriesId)).toMatchObject({
        status: 'stopped',
        stoppedReason: status === 'paused' ? 'couple_paused' : 'couple_discharged',
      });
      // Reactivated, the stopped series stays stopped: the therapist starts a new one on purpose.
      await db.getRepository(Couple).update({ id: p.couple.id }, { status: 'active' });
      await fire((await plannedJob(seriesId, 2, 1)).payload);
      expect(await occurrences(seriesId)).toHaveLength(1);
    }
  });

  it('pausing or discharging the couple from its page stops the series at once, and says so in the audit row', async () => {
    for (const status of ['paused', 'discharged'] as const) {
      const p = await practice();
      const seriesId: string = (await create(p.as, weekly(p.couple.id)).expect(201)).body.id;
      await p.as.agent
        .patch(`/api/v1/couples/${p.couple.id}`)
        .set('x-csrf-token', p.as.csrfToken)
        .send({ status })
        .expect(200);
      const listed = await p.as.agent.get(`/api/v1/couples/${p.couple.id}/assignment-series`).expect(200);
      expect(listed.body.data[0]).toMatchObject({
        status: 'stopped',
        stoppedReason: status === 'paused' ? 'couple_paused' : 'couple_discharged',
        nextDueAt: null,
      });
      const [audit] = await db.query(
        `SELECT details FROM audit_event WHERE action = 'couple.update' AND record_id = $1 ORDER BY id DESC LIMIT 1`,
        [p.couple.id],
      );
      expect(audit.details).toMatchObject({ seriesStopped: 1 });
      // The planned occurrence, should it still fire, issues nothing.
      await fire((await plannedJob(seriesId, 2, 1)).payload);
      expect(await occurrences(seriesId)).toHaveLength(1);
    }
  });

  it('a safety pause passes the occurrence over; the series goes on once it is lifted', async () => {
    const p = await practice();
    const seriesId: string = (await create(p.as, weekly(p.couple.id)).expect(201)).body.id;
    await db.query(`INSERT INTO safety_pause (clinic_id, couple_id, raised_at) VALUES ($1, $2, now())`, [
      p.clinic.id,
      p.couple.id,
    ]);
    await fire((await plannedJob(seriesId, 2, 1)).payload);
    expect(await occurrences(seriesId)).toHaveLength(1);
    expect(await seriesRow(seriesId)).toMatchObject({ status: 'active', lastOccurrence: 2 });
    await db.query(
      `UPDATE safety_pause SET lifted_at = now(), lifted_by = $2, lift_note = 'Talked it through' WHERE couple_id = $1`,
      [p.couple.id, p.therapist.id],
    );
    await fire((await plannedJob(seriesId, 3, 1)).payload);
    expect((await occurrences(seriesId)).map((a) => a.seriesOccurrence)).toEqual([1, 3]);
  });

  it('stopping ends the series: its planned job issues nothing; what was issued stays', async () => {
    const p = await practice();
    const seriesId: string = (await create(p.as, weekly(p.couple.id)).expect(201)).body.id;
    const stopped = await p.as.agent
      .post(`/api/v1/assignment-series/${seriesId}/stop`)
      .set('x-csrf-token', p.as.csrfToken)
      .expect(200);
    expect(stopped.body).toMatchObject({ status: 'stopped', stoppedReason: 'therapist', nextDueAt: null });
    await fire((await plannedJob(seriesId, 2, 1)).payload);
    expect(await occurrences(seriesId)).toHaveLength(1);
    expect((await occurrences(seriesId))[0].cancelledAt).toBeNull();
    await p.as.agent
      .patch(`/api/v1/assignment-series/${seriesId}`)
      .set('x-csrf-token', p.as.csrfToken)
      .send({ message: 'too late' })
      .expect(409);
  });

  it("lists a couple's series with the next due date, in a fixed number of statements", async () => {
    const p = await practice();
    const list = () => p.as.agent.get(`/api/v1/couples/${p.couple.id}/assignment-series`).expect(200);
    // The worker's relay shares this process and polls meanwhile: the fewest of a few runs is the list's own.
    const statements = async () => {
      const counts: number[] = [];
      for (let i = 0; i < 10; i++) counts.push(await countQueries(() => list()));
      return Math.min(...counts);
    };
    await create(p.as, weekly(p.couple.id)).expect(201);
    const one = await statements();
    await create(p.as, weekly(p.couple.id, { rhythm: 'fortnightly', count: 2 })).expect(201);
    await create(p.as, weekly(p.couple.id, { rhythm: 'weekdays', weekdays: [1, 3, 5] })).expect(201);
    const three = await statements();
    expect(three).toBe(one);
    const body = (await list()).body;
    expect(body.total).toBe(3);
    for (const s of body.data) expect(Date.parse(s.nextDueAt)).toBeGreaterThan(Date.now());
    expect(
      await db.getRepository(AuditEvent).countBy({ action: 'assignment_series.list', recordId: p.couple.id }),
    ).toBe(21);
  });

  it('another clinic, another therapist: 404 on every route, recorded as denied; the clinic admin may', async () => {
    const p = await practice();
    const seriesId: string = (await create(p.as, weekly(p.couple.id)).expect(201)).body.id;
    const other = await createClinic(db);
    const outsider = await createStaff(db, other, { role: 'admin' });
    const colleague = await createStaff(db, p.clinic);
    const admin = await createStaff(db, p.clinic, { role: 'admin' });
    for (const s of [outsider, colleague, admin]) await setPassword(db, s);
    for (const who of [outsider, colleague]) {
      const as = await signIn(app, who.email);
      await create(as, weekly(p.couple.id)).expect(404);
      await as.agent.get(`/api/v1/couples/${p.couple.id}/assignment-series`).expect(404);
      await as.agent
        .patch(`/api/v1/assignment-series/${seriesId}`)
        .set('x-csrf-token', as.csrfToken)
        .send({ message: 'taken over' })
        .expect(404);
      await as.agent.post(`/api/v1/assignment-series/${seriesId}/stop`).set('x-csrf-token', as.csrfToken).expect(404);
      const denied = await db.getRepository(AuditEvent).findBy({ actorId: (who as StaffUser).id, outcome: 'denied' });
      expect(denied.map((d) => d.action).sort()).toEqual([
        'assignment_series.create',
        'assignment_series.list',
        'assignment_series.stop',
        'assignment_series.update',
      ]);
    }
    expect((await seriesRow(seriesId)).status).toBe('active');
    const asAdmin = await signIn(app, admin.email);
    await asAdmin.agent.get(`/api/v1/couples/${p.couple.id}/assignment-series`).expect(200);
    await asAdmin.agent
      .post(`/api/v1/assignment-series/${seriesId}/stop`)
      .set('x-csrf-token', asAdmin.csrfToken)
      .expect(200);
  });

  it('bad input is a 400 naming the field, and nothing is written', async () => {
    const p = await practice();
    const cases: [object, string][] = [
      [{ rhythm: undefined }, 'rhythm'],
      [{ rhythm: 'daily' }, 'rhythm'],
      [{ rhythm: 'weekdays' }, 'weekdays'],
      [{ rhythm: 'weekdays', weekdays: [7] }, 'weekdays'],
      [{ weekdays: [1] }, 'weekdays'],
      [{ dueTime: '25:00' }, 'dueTime'],
      [{ startsOn: '2026-02-30' }, 'startsOn'],
      [{ startsOn: inDays(-7) }, 'startsOn'],
      [{ count: undefined }, 'endsOn'],
      [{ endsOn: inDays(30) }, 'endsOn'],
      [{ count: undefined, endsOn: inDays(1) }, 'endsOn'],
      [{ count: 0 }, 'count'],
      [{ count: 105 }, 'count'],
      [{ exerciseId: randomUUID() }, 'exerciseId'],
      [{ coupleId: 'not-an-id' }, 'coupleId'],
      [{ message: 'x'.repeat(2001) }, 'message'],
    ];
    for (const [overrides, field] of cases) {
      const res = await create(p.as, weekly(p.couple.id, overrides)).expect(400);
      expect(JSON.stringify(res.body)).toContain(`"${field}"`);
    }
    expect(await db.getRepository(AssignmentSeries).countBy({ coupleId: p.couple.id })).toBe(0);
    expect(await db.getRepository(Assignment).countBy({ coupleId: p.couple.id })).toBe(0);

    const seriesId: string = (await create(p.as, weekly(p.couple.id)).expect(201)).body.id;
    const before = await seriesRow(seriesId);
    for (const [body, field] of [
      [{}, 'rhythm'],
      [{ endsOn: inDays(40), count: 3 }, 'endsOn'],
      [{ weekdays: 'mondays' }, 'weekdays'],
      [{ count: 0 }, 'count'],
    ] as const) {
      const res = await p.as.agent
        .patch(`/api/v1/assignment-series/${seriesId}`)
        .set('x-csrf-token', p.as.csrfToken)
        .send(body)
        .expect(400);
      expect(JSON.stringify(res.body)).toContain(`"${field}"`);
    }
    expect(await seriesRow(seriesId)).toEqual(before);
  });

  it('a couple under a safety pause cannot be given a new series (409), like one-off homework', async () => {
    const p = await practice();
    await db.query(`INSERT INTO safety_pause (clinic_id, couple_id, raised_at) VALUES ($1, $2, now())`, [
      p.clinic.id,
      p.couple.id,
    ]);
    await create(p.as, weekly(p.couple.id)).expect(409);
    expect(await db.getRepository(AssignmentSeries).countBy({ coupleId: p.couple.id })).toBe(0);
  });
});
