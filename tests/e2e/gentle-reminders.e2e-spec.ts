import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Queue } from 'bullmq';
import { DataSource, IsNull } from 'typeorm';
import { Exercise, HomeworkResponse } from '@trellis/data';
import { bullConnectionOptions, QueueName } from '@trellis/jobs';
import { createAssignment, createClinic, createCouple, createStaff } from '../support/factories';
import { createTestApp } from '../support/create-test-app';
import { setPassword, signIn } from '../support/sign-in';
import { connectTestDatabase } from '../support/test-database';
import { startWorkerWithMailbox } from '../support/worker-harness';
import { until } from '../support/eventually';

const HOUR = 3600 * 1000;

/** 15:00 UTC, `days` from today: every reminder slot falls outside quiet hours in UTC. */
function afternoonIn(days: number): Date {
  const d = new Date(Date.now() + days * 24 * HOUR);
  d.setUTCHours(15, 0, 0, 0);
  return d;
}

describe('reminders to a partner who missed several homeworks in a row are gentler', () => {
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

  const jobsFor = async (responseId: string) =>
    (await Promise.all([1, 2, 3].map((n) => queue.getJob(`reminder-${responseId}-${n}`)))).filter(
      (j) => j !== undefined,
    );

  it('uses the gentle wording from the clinic’s number of misses in a row, for that partner only, and not when off', async () => {
    const clinic = await createClinic(db);
    const dana = await createStaff(db, clinic);
    await setPassword(db, dana);
    const { couple, partners } = await createCouple(db, clinic, dana);
    await db.query(`UPDATE client SET timezone = 'UTC' WHERE couple_id = $1`, [couple.id]);
    // Two weeks missed by partner 1; partner 2 did both on time.
    for (const weeks of [1, 2]) {
      const dueAt = new Date(Date.now() - weeks * 7 * 24 * HOUR);
      const a = await createAssignment(db, couple, partners, { dueAt });
      await db.query(`UPDATE homework_response SET submitted_at = $3 WHERE assignment_id = $1 AND client_id = $2`, [
        a.id,
        partners[1].id,
        new Date(dueAt.getTime() - HOUR),
      ]);
    }
    const exercise = await db.getRepository(Exercise).findOneByOrFail({ clinicId: IsNull(), strategy: 'patience' });
    const asDana = await signIn(app, dana.email);
    const res = await asDana.agent
      .post('/api/v1/assignments')
      .set('x-csrf-token', asDana.csrfToken)
      .send({ exerciseId: exercise.id, coupleIds: [couple.id], dueAt: afternoonIn(5).toISOString() })
      .expect(201);
    const assignmentId: string = res.body.data[0].id;
    const responses = await Promise.all(
      partners.map((p) => db.getRepository(HomeworkResponse).findOneByOrFail({ assignmentId, clientId: p.id })),
    );
    await harness.mailbox.waitForMessageTo(partners[0].email, /Homework from/);

    const [firstSlot1] = await until(async () =>
      (await jobsFor(responses[0].id)).length === 3 ? jobsFor(responses[0].id) : null,
    );
    const [firstSlot2] = await until(async () =>
      (await jobsFor(responses[1].id)).length === 3 ? jobsFor(responses[1].id) : null,
    );
    await firstSlot1.promote();
    await firstSlot2.promote();
    const gentle = await harness.mailbox.waitForMessageTo(partners[0].email, /When you have a moment:/);
    expect(gentle.subject).toBe(`When you have a moment: ${exercise.title}`);
    expect(gentle.raw).toContain('is here when you have a few minutes');
    expect(gentle.raw).not.toMatch(/is due|still waiting/i);
    const usual = await harness.mailbox.waitForMessageTo(partners[1].email, /Reminder:/);
    expect(usual.raw).toContain('is due');
    expect(harness.mailbox.messagesTo(partners[1].email).some((m) => /moment/.test(m.subject))).toBe(false);

    // The clinic turns it off: partner 1's next reminder is the usual one.
    await db.query(`UPDATE clinic SET gentle_reminder_after_misses = 0 WHERE id = $1`, [clinic.id]);
    const secondSlot = (await jobsFor(responses[0].id)).find((j) => j.data.n === 2);
    await secondSlot?.promote();
    await harness.mailbox.waitForMessageTo(partners[0].email, /Reminder:/);
  });
});
