import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { EmailDelivery } from '@trellis/data';
import { Queue } from 'bullmq';
import { bullConnectionOptions, enqueueInTransaction, JobName, QueueName } from '@trellis/jobs';
import { createClinic, createStaff } from '../support/factories';
import { createTestApp } from '../support/create-test-app';
import { setPassword, signIn } from '../support/sign-in';
import { connectTestDatabase } from '../support/test-database';
import { startWorkerWithMailbox } from '../support/worker-harness';
import { until } from '../support/eventually';

describe('queue view for admins', () => {
  let app: NestFastifyApplication;
  let db: DataSource;
  let harness: Awaited<ReturnType<typeof startWorkerWithMailbox>>;

  beforeAll(async () => {
    app = await createTestApp();
    db = await connectTestDatabase();
    harness = await startWorkerWithMailbox();
  });
  afterAll(async () => {
    await harness.stop();
    await app.close();
    await db.destroy();
  });

  async function adminOf() {
    const clinic = await createClinic(db);
    const admin = await createStaff(db, clinic, { role: 'admin' });
    const therapist = await createStaff(db, clinic);
    await setPassword(db, admin);
    await setPassword(db, therapist);
    return { clinic, admin, therapist, asAdmin: await signIn(app, admin.email) };
  }

  it('shows counts, a failed job with its error, and retries it successfully once the cause is fixed', async () => {
    const { clinic, admin, therapist, asAdmin } = await adminOf();
    // A job whose ledger row does not exist (yet): the processor fails it without retrying.
    const deliveryId = randomUUID();
    await db.transaction((m) =>
      enqueueInTransaction(m, {
        name: JobName.SendEmail,
        data: { deliveryId, clinicId: clinic.id },
        jobId: `email-${deliveryId}`,
      }),
    );

    const counts = await asAdmin.agent.get('/api/v1/admin/queues').expect(200);
    expect(counts.body.map((q: { name: string }) => q.name).sort()).toEqual([
      'accounts',
      'agreements',
      'assignment-series',
      'check-ins',
      'digests',
      'email',
      'programs',
      'reminders',
      'sessions',
    ]);
    expect(Object.keys(counts.body[0].counts).sort()).toEqual(['active', 'completed', 'delayed', 'failed', 'waiting']);

    const failed = await until(async () => {
      const res = await asAdmin.agent.get('/api/v1/admin/queues/email/jobs?state=failed').expect(200);
      return res.body.data.find((j: { id: string }) => j.id === `email-${deliveryId}`);
    });
    expect(failed.failedReason).toMatch(/does not exist/);
    expect(failed.data).toEqual({ deliveryId, clinicId: clinic.id });

    // Fix the cause, then retry from the queue view: the email goes out.
    await db.getRepository(EmailDelivery).insert({
      id: deliveryId,
      clinicId: clinic.id,
      idempotencyKey: `check-${deliveryId}`,
      template: 'smtp-check',
      subjectIds: { staffUserId: therapist.id },
      status: 'pending',
    });
    await asAdmin.agent
      .post(`/api/v1/admin/queues/email/jobs/email-${deliveryId}/retry`)
      .set('x-csrf-token', asAdmin.csrfToken)
      .expect(202);
    await harness.mailbox.waitForMessageTo(therapist.email, /email check/i);
    expect(admin.id).toBeTruthy();
  });

  it("counts only the admin's own clinic's jobs: another clinic's failures never show in its totals", async () => {
    const a = await adminOf();
    const b = await adminOf();
    const fresh = await adminOf();
    // Jobs whose ledger rows do not exist: each fails without retrying. Two are clinic A's, one B's.
    const failing = (clinicId: string) => {
      const deliveryId = randomUUID();
      return db.transaction((m) =>
        enqueueInTransaction(m, {
          name: JobName.SendEmail,
          data: { deliveryId, clinicId },
          jobId: `email-${deliveryId}`,
        }),
      );
    };
    await failing(a.clinic.id);
    await failing(a.clinic.id);
    await failing(b.clinic.id);
    const listed = async (who: typeof a) =>
      (await who.asAdmin.agent.get('/api/v1/admin/queues/email/jobs?state=failed').expect(200)).body.total;
    await until(async () => (await listed(a)) === 2 && (await listed(b)) === 1);

    const countsOf = async (who: typeof a) => {
      const res = await who.asAdmin.agent.get('/api/v1/admin/queues').expect(200);
      return Object.fromEntries(
        res.body.map((q: { name: string; counts: Record<string, number> }) => [q.name, q.counts]),
      ) as Record<string, Record<string, number>>;
    };
    const seenByA = await countsOf(a);
    const seenByB = await countsOf(b);
    const seenByFresh = await countsOf(fresh);
    // Each count is what that admin can list; the other clinic's failures are not in it.
    expect(seenByA.email.failed).toBe(2);
    expect(seenByB.email.failed).toBe(1);
    // A clinic with no jobs sees zero everywhere, whatever the other clinics have queued or done.
    for (const queue of Object.values(seenByFresh)) {
      expect(queue).toEqual({ waiting: 0, active: 0, delayed: 0, failed: 0, completed: 0 });
    }
    // Emails other clinics sent (the retried one above) are not B's completed jobs.
    expect(seenByB.email.completed).toBe(0);
  });

  it("hides other clinics' jobs and refuses to touch them (404); therapists and anonymous callers are refused", async () => {
    const a = await adminOf();
    const b = await adminOf();
    const deliveryId = randomUUID();
    await db.transaction((m) =>
      enqueueInTransaction(m, {
        name: JobName.SendEmail,
        data: { deliveryId, clinicId: a.clinic.id },
        jobId: `email-${deliveryId}`,
      }),
    );
    await until(async () => {
      const res = await a.asAdmin.agent.get('/api/v1/admin/queues/email/jobs?state=failed').expect(200);
      return res.body.data.some((j: { id: string }) => j.id === `email-${deliveryId}`);
    });
    const seenByB = await b.asAdmin.agent.get('/api/v1/admin/queues/email/jobs?state=failed').expect(200);
    expect(seenByB.body.data.map((j: { id: string }) => j.id)).not.toContain(`email-${deliveryId}`);
    await b.asAdmin.agent
      .post(`/api/v1/admin/queues/email/jobs/email-${deliveryId}/retry`)
      .set('x-csrf-token', b.asAdmin.csrfToken)
      .expect(404);
    await b.asAdmin.agent
      .delete(`/api/v1/admin/queues/email/jobs/email-${deliveryId}`)
      .set('x-csrf-token', b.asAdmin.csrfToken)
      .expect(404);
    await a.asAdmin.agent
      .delete(`/api/v1/admin/queues/email/jobs/email-${deliveryId}`)
      .set('x-csrf-token', a.asAdmin.csrfToken)
      .expect(204);

    const t = await signIn(app, a.therapist.email);
    await t.agent.get('/api/v1/admin/queues').expect(403);
    await request(app.getHttpServer()).get('/api/v1/admin/queues').expect(401);
    await a.asAdmin.agent.get('/api/v1/admin/queues/nope/jobs').expect(404);
    const bad = await a.asAdmin.agent.get('/api/v1/admin/queues/email/jobs?state=lost').expect(400);
    expect(bad.body.errors[0].field).toBe('state');
  });

  it('answers a request to delete a scheduled digest run with a reason (409), not a Redis outage, and keeps it', async () => {
    const { clinic, therapist, asAdmin } = await adminOf();
    const digests = new Queue(QueueName.Digests, {
      connection: bullConnectionOptions(process.env.REDIS_URL as string),
      prefix: process.env.QUEUE_PREFIX,
    });
    try {
      await digests.upsertJobScheduler(
        `weekly-digest-${therapist.id}`,
        { pattern: '0 8 * * 1', tz: 'Europe/London' },
        { name: JobName.WeeklyDigest, data: { therapistId: therapist.id, clinicId: clinic.id } },
      );
      const run = await until(async () =>
        (await digests.getJobs(['delayed'])).find((job) => job.data?.therapistId === therapist.id),
      );
      const refused = await asAdmin.agent
        .delete(`/api/v1/admin/queues/digests/jobs/${run.id}`)
        .set('x-csrf-token', asAdmin.csrfToken)
        .expect(409);
      expect(refused.body.detail).toMatch(/repeating schedule/);
      expect(await digests.getJob(run.id as string)).toBeDefined();
    } finally {
      await digests.removeJobScheduler(`weekly-digest-${therapist.id}`);
      await digests.close();
    }
  });
});
