import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { EmailDelivery } from '@trellis/data';
import { enqueueInTransaction, JobName } from '@trellis/jobs';
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
      'digests',
      'email',
      'reminders',
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
});
