import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Queue } from 'bullmq';
import { DataSource, IsNull } from 'typeorm';
import { Assignment, Exercise, HomeworkResponse } from '@trellis/data';
import { bullConnectionOptions, QueueName } from '@trellis/jobs';
import { createClinic, createCouple, createStaff } from '../support/factories';
import { createTestApp } from '../support/create-test-app';
import { setPassword, signIn } from '../support/sign-in';
import { connectTestDatabase } from '../support/test-database';
import { startWorkerWithMailbox } from '../support/worker-harness';
import { until } from '../support/eventually';
import { followEmailedLink } from '../support/email-links';
import request from 'supertest';
import { HOMEWORK_HEADER, homeworkTokenFromEmail, openHomeworkAs } from '../support/homework-flow';

const HOUR = 3600 * 1000;

/** 15:00 UTC, `days` from today: every reminder slot (48 h, 2 h, +24 h) falls outside quiet hours in UTC. */
function afternoonIn(days: number): Date {
  const d = new Date(Date.now() + days * 24 * HOUR);
  d.setUTCHours(15, 0, 0, 0);
  return d;
}

describe('reminders: planned per open response, moved with the due date, silent when no longer needed', () => {
  let app: NestFastifyApplication;
  let db: DataSource;
  let harness: Awaited<ReturnType<typeof startWorkerWithMailbox>>;
  let queue: Queue;

  beforeAll(async () => {
    app = await createTestApp();
    db = await connectTestDatabase();
    harness = await startWorkerWithMailbox();
    queue = new Queue(QueueName.Reminders, {
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

  async function assignDue(due: Date, timezone = 'UTC') {
    const clinic = await createClinic(db);
    const dana = await createStaff(db, clinic);
    await setPassword(db, dana);
    const { couple, partners } = await createCouple(db, clinic, dana);
    await db.query(`UPDATE client SET timezone = $2 WHERE couple_id = $1`, [couple.id, timezone]);
    const exercise = await db.getRepository(Exercise).findOneByOrFail({ clinicId: IsNull(), strategy: 'patience' });
    const asDana = await signIn(app, dana.email);
    const res = await asDana.agent
      .post('/api/v1/assignments')
      .set('x-csrf-token', asDana.csrfToken)
      .send({ exerciseId: exercise.id, coupleIds: [couple.id], dueAt: due.toISOString() })
      .expect(201);
    const assignmentId: string = res.body.data[0].id;
    const response = await db
      .getRepository(HomeworkResponse)
      .findOneByOrFail({ assignmentId, clientId: partners[0].id });
    const other = await db.getRepository(HomeworkResponse).findOneByOrFail({ assignmentId, clientId: partners[1].id });
    return { asDana, assignmentId, response, other, partners, couple };
  }

  const jobsFor = async (responseId: string) =>
    (await Promise.all([1, 2, 3].map((n) => queue.getJob(`reminder-${responseId}-${n}`)))).filter(
      (j) => j !== undefined,
    );

  it('plans 48 h, 2 h and overdue reminders as delayed jobs with deterministic ids', async () => {
    const { response, assignmentId } = await assignDue(afternoonIn(5));

    const jobs = await until(async () => ((await jobsFor(response.id)).length === 3 ? jobsFor(response.id) : null));
    const due = (await db.getRepository(Assignment).findOneByOrFail({ id: assignmentId })).dueAt.getTime();
    for (const job of jobs) {
      expect(await job.getState()).toBe('delayed');
      expect(job.data).toEqual({
        responseId: response.id,
        clinicId: response.clinicId,
        n: expect.any(Number),
        dueAtMs: due,
      });
      // Ids only: no names, emails or answers in Redis.
      expect(Object.keys(job.data).sort()).toEqual(['clinicId', 'dueAtMs', 'n', 'responseId']);
    }
  });

  it('moves the reminders when the due date moves, and drops them on submission', async () => {
    const { response, assignmentId, asDana } = await assignDue(afternoonIn(5));
    await until(async () => (await jobsFor(response.id)).length === 3);
    const newDue = afternoonIn(9);
    await asDana.agent
      .patch(`/api/v1/assignments/${assignmentId}`)
      .set('x-csrf-token', asDana.csrfToken)
      .send({ dueAt: newDue.toISOString() })
      .expect(200);
    const moved = await until(async () => {
      const jobs = await jobsFor(response.id);
      return jobs.length === 3 && jobs.every((j) => j.data.dueAtMs === newDue.getTime()) ? jobs : null;
    });
    expect(moved).toHaveLength(3);

    await db.getRepository(HomeworkResponse).update({ id: response.id }, { submittedAt: new Date() });
    await asDana.agent
      .post(`/api/v1/assignments/${assignmentId}/cancel`)
      .set('x-csrf-token', asDana.csrfToken)
      .expect(200);
    await until(async () => (await jobsFor(response.id)).length === 0);
  });

  it('sends a reminder when one fires, once, with a fresh personal link', async () => {
    const { response, partners } = await assignDue(afternoonIn(5));
    await harness.mailbox.waitForMessageTo(partners[0].email, /Homework from/);
    const [first] = await until(async () => ((await jobsFor(response.id)).length === 3 ? jobsFor(response.id) : null));
    await first.promote();
    const reminder = await harness.mailbox.waitForMessageTo(partners[0].email, /Reminder:/);
    // The reminder's link is the one that works now: its hash was stored in the sending transaction.
    const { answer: greeting } = await followEmailedLink(app.getHttpServer(), reminder.raw, 'homework');
    expect(JSON.stringify(greeting.body)).toContain(partners[0].name.split(' ')[0]);
    const [delivery] = await db.query(
      `SELECT status, message_id FROM email_delivery WHERE template = 'homework-reminder' AND subject_ids->>'responseId' = $1`,
      [response.id],
    );
    expect(delivery).toEqual({ status: 'sent', message_id: expect.stringMatching(/^<reminder-.+@trellis>$/) });
    // Running the same slot again (a retried or duplicated job) sends nothing more.
    await queue.add('send-reminder', first.data, { jobId: `again-${response.id}` });
    await new Promise((r) => setTimeout(r, 600));
    expect(harness.mailbox.messagesTo(partners[0].email).filter((m) => /Reminder:/.test(m.subject))).toHaveLength(1);
  });

  it('hands a reminder whose SMTP send failed to the email queue, which delivers it once SMTP is back', async () => {
    const { response, partners } = await assignDue(afternoonIn(5));
    const assigned = await harness.mailbox.waitForMessageTo(partners[0].email, /Homework from/);
    const { token: workingToken } = await followEmailedLink(app.getHttpServer(), assigned.raw, 'homework');
    const [first] = await until(async () => ((await jobsFor(response.id)).length === 3 ? jobsFor(response.id) : null));
    harness.mailbox.refuseWith = new Error('451 try again later');
    try {
      await first.promote();
      // The first attempt is made by the reminder job itself; its failure is counted on the ledger row
      // and the row goes to the email queue, whose retries and failed-job view apply.
      const [delivery] = await until(async () => {
        const rows: { id: string; attempts: number; status: string }[] = await db.query(
          `SELECT id, attempts, status FROM email_delivery WHERE template = 'homework-reminder' AND subject_ids->>'responseId' = $1 AND attempts > 0`,
          [response.id],
        );
        return rows.length ? rows : null;
      });
      expect(delivery.status).toBe('pending');
      // The partner's link from the homework email still works: a link is replaced only by one that was sent.
      await request(app.getHttpServer()).post('/api/v1/homework/link').send({ token: workingToken }).expect(200);
      expect(await first.getState()).toBe('completed');
      const emailQueue = new Queue(QueueName.Email, {
        connection: bullConnectionOptions(process.env.REDIS_URL as string),
        prefix: process.env.QUEUE_PREFIX,
      });
      try {
        // The email queue tries too while SMTP still refuses, then waits out its backoff.
        const retry = await until(async () => {
          const job = await emailQueue.getJob(`email-${delivery.id}`);
          return job && (await job.getState()) === 'delayed' ? job : null;
        });
        harness.mailbox.refuseWith = null;
        await retry.promote();
        await harness.mailbox.waitForMessageTo(partners[0].email, /Reminder:/);
      } finally {
        await emailQueue.close();
      }
    } finally {
      harness.mailbox.refuseWith = null;
    }
    await until(
      async () =>
        (
          await db.query(
            `SELECT status FROM email_delivery WHERE subject_ids->>'responseId' = $1 AND template = 'homework-reminder'`,
            [response.id],
          )
        )[0]?.status === 'sent',
    );
    expect(harness.mailbox.messagesTo(partners[0].email).filter((m) => /Reminder:/.test(m.subject))).toHaveLength(1);
  });

  it('keeps a reminder retried by the email queue silent when the couple was paused meanwhile', async () => {
    const { response, assignmentId, partners } = await assignDue(afternoonIn(5));
    await harness.mailbox.waitForMessageTo(partners[0].email, /Homework from/);
    const [first] = await until(async () => ((await jobsFor(response.id)).length === 3 ? jobsFor(response.id) : null));
    harness.mailbox.refuseWith = new Error('451 try again later');
    const emailQueue = new Queue(QueueName.Email, {
      connection: bullConnectionOptions(process.env.REDIS_URL as string),
      prefix: process.env.QUEUE_PREFIX,
    });
    try {
      await first.promote();
      const [delivery] = await until(async () => {
        const rows: { id: string; subject_ids: Record<string, string> }[] = await db.query(
          `SELECT id, subject_ids FROM email_delivery WHERE template = 'homework-reminder' AND subject_ids->>'responseId' = $1 AND attempts > 0`,
          [response.id],
        );
        return rows.length ? rows : null;
      });
      expect(delivery.subject_ids.dueAtMs).toBe(String(first.data.dueAtMs));
      const retry = await until(async () => {
        const job = await emailQueue.getJob(`email-${delivery.id}`);
        return job && (await job.getState()) === 'delayed' ? job : null;
      });
      // While the retry waits out its backoff, the therapist pauses the couple.
      const [{ couple_id: coupleId }] = await db.query(`SELECT couple_id FROM assignment WHERE id = $1`, [
        assignmentId,
      ]);
      await db.query(`UPDATE couple SET status = 'paused' WHERE id = $1`, [coupleId]);
      harness.mailbox.refuseWith = null;
      await retry.promote();
      await until(
        async () =>
          (await db.query(`SELECT status FROM email_delivery WHERE id = $1`, [delivery.id]))[0]?.status === 'skipped',
      );
      expect(harness.mailbox.messagesTo(partners[0].email).filter((m) => /Reminder:/.test(m.subject))).toHaveLength(0);
    } finally {
      harness.mailbox.refuseWith = null;
      await emailQueue.close();
    }
  });

  it('sends the row an earlier try left pending, and two slots of one response firing together each once', async () => {
    const { response, partners } = await assignDue(afternoonIn(5));
    await harness.mailbox.waitForMessageTo(partners[0].email, /Homework from/);
    const [first, second] = await until(async () =>
      (await jobsFor(response.id)).length === 3 ? jobsFor(response.id) : null,
    );
    // An earlier try recorded the first slot's row, then the worker died before sending it.
    await db.query(
      `INSERT INTO email_delivery (clinic_id, idempotency_key, template, subject_ids, status) VALUES ($1, $2, 'homework-reminder', $3, 'pending')`,
      [
        response.clinicId,
        `reminder-${response.id}-${first.data.n}-${first.data.dueAtMs}`,
        JSON.stringify({ responseId: response.id, kind: 'before_due' }),
      ],
    );
    await Promise.all([first.promote(), second.promote()]);
    await until(
      async () => harness.mailbox.messagesTo(partners[0].email).filter((m) => /Reminder:/.test(m.subject)).length === 2,
    );
    const rows: { status: string }[] = await db.query(
      `SELECT status FROM email_delivery WHERE template = 'homework-reminder' AND subject_ids->>'responseId' = $1`,
      [response.id],
    );
    expect(rows.map((r) => r.status)).toEqual(['sent', 'sent']);
    await new Promise((r) => setTimeout(r, 500));
    expect(harness.mailbox.messagesTo(partners[0].email).filter((m) => /Reminder:/.test(m.subject))).toHaveLength(2);
  });

  it('re-checks when firing: nothing for a stale due date, a submission or withdrawn consent', async () => {
    const { response, assignmentId, partners } = await assignDue(afternoonIn(5));
    await harness.mailbox.waitForMessageTo(partners[0].email, /Homework from/);
    const jobs = await until(async () => ((await jobsFor(response.id)).length === 3 ? jobsFor(response.id) : null));
    // The due date changed behind the job's back (no re-plan yet): the old job must stay silent.
    await db.getRepository(Assignment).update({ id: assignmentId }, { dueAt: new Date(Date.now() + 24 * 7 * HOUR) });
    await jobs[0].promote();
    await db.query(`UPDATE client SET email_consent = false WHERE id = $1`, [partners[0].id]);
    await db.getRepository(Assignment).update({ id: assignmentId }, { dueAt: new Date(jobs[1].data.dueAtMs) });
    await jobs[1].promote();
    await new Promise((r) => setTimeout(r, 800));
    expect(
      harness.mailbox.messagesTo(partners[0].email).filter((m) => /Reminder|Still waiting/.test(m.subject)),
    ).toHaveLength(0);
  });
  it('holds the joint-homework reminders of the partner who feels unsafe while the pause is open, and the other partner’s go on as before', async () => {
    const { response, other, partners, couple, asDana } = await assignDue(afternoonIn(5));
    const reminders = (email: string) =>
      harness.mailbox.messagesTo(email).filter((m) => /Reminder|Still waiting/.test(m.subject));
    const alexMail = await harness.mailbox.waitForMessageTo(partners[0].email, /Homework from/);
    await harness.mailbox.waitForMessageTo(partners[1].email, /Homework from/);
    const [inFlight] = await until(async () =>
      (await jobsFor(response.id)).length === 3 ? jobsFor(response.id) : null,
    );
    const samPlanned = await until(async () => ((await jobsFor(other.id)).length === 3 ? jobsFor(other.id) : null));

    // Alex does not feel safe doing this exercise.
    const alex = await openHomeworkAs(app, await homeworkTokenFromEmail(app, alexMail.raw));
    await alex.post('/api/v1/homework/current/not-safe').set(HOMEWORK_HEADER).send({}).expect(200);
    // Alex is not nudged any more: their queued reminders are gone.
    await until(async () => (await jobsFor(response.id)).length === 0);

    // A reminder already on its way to Alex when the pause opened re-checks when it fires, and stays silent.
    await queue.add('send-reminder', inFlight.data, { jobId: `in-flight-${response.id}` });
    await new Promise((r) => setTimeout(r, 800));
    expect(reminders(partners[0].email)).toHaveLength(0);
    const alexLedger = await db.query(
      `SELECT 1 FROM email_delivery WHERE template = 'homework-reminder' AND subject_ids->>'responseId' = $1`,
      [response.id],
    );
    expect(alexLedger).toHaveLength(0);

    // Sam — possibly the reason — must not be able to tell: their reminders stay planned as they
    // were, and the next one arrives as it would have.
    expect((await jobsFor(other.id)).map((j) => j.id).sort()).toEqual(samPlanned.map((j) => j.id).sort());
    const [samNext] = await jobsFor(other.id);
    await samNext.promote();
    const samReminder = await harness.mailbox.waitForMessageTo(partners[1].email, /Reminder:|Still waiting/);

    // Sam cannot lift the pause from their side: the staff route is not theirs. (The reminder
    // carries Sam's current link: each email's link replaces the one before.)
    const sam = await openHomeworkAs(app, await homeworkTokenFromEmail(app, samReminder.raw));
    expect([401, 403, 404]).toContain(
      (await sam.post(`/api/v1/couples/${couple.id}/safety/lift`).set(HOMEWORK_HEADER).send({ note: 'all fine' }))
        .status,
    );
    expect(await jobsFor(response.id)).toHaveLength(0);

    // The therapist lifts the pause: Alex's reminders are planned again, and they send.
    await asDana.agent
      .post(`/api/v1/couples/${couple.id}/safety/lift`)
      .set('x-csrf-token', asDana.csrfToken)
      .send({ note: 'Saw each partner alone; joint work can go on.' })
      .expect(200);
    const [first] = await until(async () => ((await jobsFor(response.id)).length === 3 ? jobsFor(response.id) : null));
    await first.promote();
    await harness.mailbox.waitForMessageTo(partners[0].email, /Reminder:/);
  });
});
