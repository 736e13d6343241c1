import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { JobName, planRemindersJob, queueEmailsAndJobsInTransaction } from '@trellis/jobs';
import { createClinic } from '../support/factories';
import { connectTestDatabase } from '../support/test-database';

// What a change queues is written in one statement with payloads typed in TypeScript: these pin
// what lands in the ledger and the outbox, and that a reused idempotency key adds nothing.
describe('queueEmailsAndJobsInTransaction', () => {
  let db: DataSource;
  beforeAll(async () => {
    db = await connectTestDatabase();
  });
  afterAll(() => db.destroy());

  const outboxFor = (clinicId: string) =>
    db.query(`SELECT queue, job_name, payload, job_id FROM outbox WHERE payload->>'clinicId' = $1 ORDER BY id`, [
      clinicId,
    ]) as Promise<{ queue: string; job_name: string; payload: Record<string, unknown>; job_id: string }[]>;

  it('writes each email as a ledger row with its send job, and the other jobs beside them', async () => {
    const clinic = await createClinic(db);
    const responseId = randomUUID();
    await db.transaction((m) =>
      queueEmailsAndJobsInTransaction(m, {
        emails: [
          {
            clinicId: clinic.id,
            template: 'homework-assigned',
            subjectIds: { responseId },
            idempotencyKey: `homework-assigned-${responseId}`,
          },
        ],
        jobs: [planRemindersJob(clinic.id, responseId)],
      }),
    );
    const [delivery] = await db.query(
      `SELECT id, template, subject_ids, status FROM email_delivery WHERE clinic_id = $1`,
      [clinic.id],
    );
    expect(delivery).toMatchObject({ template: 'homework-assigned', subject_ids: { responseId }, status: 'pending' });
    const jobs = await outboxFor(clinic.id);
    expect(jobs).toEqual([
      {
        queue: 'email',
        job_name: JobName.SendEmail,
        payload: { deliveryId: delivery.id, clinicId: clinic.id },
        job_id: `email-${delivery.id}`,
      },
      {
        queue: 'reminders',
        job_name: JobName.PlanReminders,
        payload: { responseId, clinicId: clinic.id },
        job_id: expect.stringMatching(new RegExp(`^plan-${responseId}-`)),
      },
    ]);
  });

  it('adds neither a row nor a send job for an idempotency key already used', async () => {
    const clinic = await createClinic(db);
    const email = {
      clinicId: clinic.id,
      template: 'homework-assigned' as const,
      subjectIds: { responseId: randomUUID() },
      idempotencyKey: `homework-assigned-${randomUUID()}`,
    };
    await db.transaction((m) => queueEmailsAndJobsInTransaction(m, { emails: [email] }));
    await db.transaction((m) => queueEmailsAndJobsInTransaction(m, { emails: [email] }));
    const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM email_delivery WHERE clinic_id = $1`, [clinic.id]);
    expect(n).toBe(1);
    expect(await outboxFor(clinic.id)).toHaveLength(1);
  });

  it('refuses a job id BullMQ cannot take, and writes nothing', async () => {
    const clinic = await createClinic(db);
    const bad = { ...planRemindersJob(clinic.id, randomUUID()), jobId: 'plan:1' };
    await expect(db.transaction((m) => queueEmailsAndJobsInTransaction(m, { jobs: [bad] }))).rejects.toThrow(
      /cannot contain ':'/,
    );
    expect(await outboxFor(clinic.id)).toEqual([]);
  });
});
