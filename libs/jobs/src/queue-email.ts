import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { EmailTemplateName } from '@trellis/contracts';
import { EmailDelivery } from '@trellis/data';
import { JobName } from './job-types';
import {
  AnyOutboxJob,
  enqueueInTransaction,
  enqueueManyInTransaction,
  OutboxJob,
  outboxColumns,
} from './outbox-writer';

export interface EmailRequest {
  clinicId: string | null;
  template: EmailTemplateName;
  /** Ids of the records the worker reads at send time. */
  subjectIds: Record<string, string>;
  /** Same key, same email: asking twice sends once. */
  idempotencyKey: string;
}

/**
 * Records an email to send — a ledger row plus its outbox job — inside the caller's transaction.
 * Returns the delivery id (the existing one when the key was already used).
 */
export async function queueEmailInTransaction(manager: EntityManager, email: EmailRequest): Promise<string> {
  const inserted: { id: string }[] = await manager.query(
    `INSERT INTO email_delivery (clinic_id, idempotency_key, template, subject_ids, status)
     VALUES ($1, $2, $3, $4, 'pending')
     ON CONFLICT (idempotency_key) DO NOTHING
     RETURNING id`,
    [email.clinicId, email.idempotencyKey, email.template, JSON.stringify(email.subjectIds)],
  );
  if (inserted.length === 0) {
    const existing = await manager.findOneByOrFail(EmailDelivery, { idempotencyKey: email.idempotencyKey });
    return existing.id;
  }
  const deliveryId = inserted[0].id;
  await enqueueInTransaction(manager, {
    name: JobName.SendEmail,
    data: { deliveryId, clinicId: email.clinicId },
    jobId: `email-${deliveryId}`,
  });
  return deliveryId;
}

/** The job that (re)plans one response's reminders; its id is new each time, so every change re-plans. */
export function planRemindersJob(clinicId: string, responseId: string): OutboxJob<JobName.PlanReminders> {
  return { name: JobName.PlanReminders, data: { responseId, clinicId }, jobId: `plan-${responseId}-${randomUUID()}` };
}

/**
 * Asks the worker to (re)plan the reminders of these responses after a change that affects them
 * (assigned, due date moved, cancelled, submitted). Planning reads the database, so it is always
 * right for the state at the time it runs. One statement for any number of responses.
 */
export async function replanRemindersInTransaction(
  manager: EntityManager,
  clinicId: string,
  responseIds: string[],
): Promise<void> {
  await enqueueManyInTransaction(
    manager,
    responseIds.map((id) => planRemindersJob(clinicId, id)),
  );
}

/** After a change to who the clinic's active therapists are (or its time zone): re-sync weekly digests. */
export async function syncDigestSchedulesInTransaction(manager: EntityManager, clinicId: string): Promise<void> {
  await enqueueInTransaction(manager, {
    name: JobName.SyncDigestSchedules,
    data: { clinicId },
    jobId: `sync-digests-${randomUUID()}`,
  });
}

/** After a couple's next session (or status) changed: re-plan its pre-session digest. */
export async function planPreSessionDigestInTransaction(
  manager: EntityManager,
  clinicId: string,
  coupleId: string,
): Promise<void> {
  await enqueueInTransaction(manager, {
    name: JobName.PlanPreSessionDigest,
    data: { coupleId, clinicId },
    jobId: `plan-pre-session-${coupleId}-${randomUUID()}`,
  });
}

/**
 * Records emails (a ledger row and its send job each) and other jobs, all in one statement, in the
 * caller's transaction: what a change queues costs one round trip however much it is. Delivery ids
 * are chosen here so every payload is built and type-checked in TypeScript; an email whose
 * idempotency key was used before adds neither a row nor a job.
 */
export async function queueEmailsAndJobsInTransaction(
  manager: EntityManager,
  work: { emails?: readonly EmailRequest[]; jobs?: readonly AnyOutboxJob[] },
): Promise<void> {
  const emails = (work.emails ?? []).map((email) => ({ ...email, deliveryId: randomUUID() }));
  const sendJobs: OutboxJob<JobName.SendEmail>[] = emails.map((e) => ({
    name: JobName.SendEmail,
    data: { deliveryId: e.deliveryId, clinicId: e.clinicId },
    jobId: `email-${e.deliveryId}`,
  }));
  const jobs: AnyOutboxJob[] = [...sendJobs, ...(work.jobs ?? [])];
  if (jobs.length === 0) return;
  const c = outboxColumns(jobs);
  await manager.query(
    `WITH delivery AS (
       INSERT INTO email_delivery (id, clinic_id, idempotency_key, template, subject_ids, status)
       SELECT d.id, d.clinic_id, d.idempotency_key, d.template, d.subject_ids, 'pending'
       FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::jsonb[])
         AS d(id, clinic_id, idempotency_key, template, subject_ids)
       ON CONFLICT (idempotency_key) DO NOTHING
       RETURNING id
     )
     INSERT INTO outbox (queue, job_name, payload, job_id, run_at)
     SELECT j.queue, j.job_name, j.payload, j.job_id, j.run_at
     FROM unnest($6::text[], $7::text[], $8::jsonb[], $9::text[], $10::timestamptz[], $11::uuid[])
       AS j(queue, job_name, payload, job_id, run_at, delivery_id)
     WHERE j.delivery_id IS NULL OR j.delivery_id IN (SELECT id FROM delivery)`,
    [
      emails.map((e) => e.deliveryId),
      emails.map((e) => e.clinicId),
      emails.map((e) => e.idempotencyKey),
      emails.map((e) => e.template),
      emails.map((e) => JSON.stringify(e.subjectIds)),
      c.queues,
      c.names,
      c.payloads,
      c.jobIds,
      c.runAts,
      // Each send job rides on its ledger row: it is written only if the row was.
      jobs.map((_, i) => (i < emails.length ? emails[i].deliveryId : null)),
    ],
  );
}

/**
 * After a change to a couple's check-in schedules, its next session or its status: re-plan every
 * partner's next check-in. Planning reads the database when it runs, so its id is new each time.
 */
export async function planCheckInsInTransaction(
  manager: EntityManager,
  clinicId: string,
  coupleId: string,
): Promise<void> {
  await enqueueInTransaction(manager, {
    name: JobName.PlanCheckIns,
    data: { coupleId, clinicId },
    jobId: `plan-check-ins-${coupleId}-${randomUUID()}`,
  });
}

/**
 * After something that may finish the open step of a couple's program: advance it. `trigger` names
 * the event (a submitted response, a review, a held session), so the same event queues one job
 * however often it is reported; the job re-reads everything and opens the next step at most once.
 */
export async function advanceProgramInTransaction(
  manager: EntityManager,
  clinicId: string,
  coupleId: string,
  trigger: string,
): Promise<void> {
  await enqueueInTransaction(manager, {
    name: JobName.AdvanceProgram,
    data: { coupleId, clinicId },
    jobId: `advance-program-${coupleId}-${trigger}`,
  });
}

/**
 * After a change to a couple's agreements or review rhythm: re-plan each partner's next weekly
 * review. Planning reads the database when it runs, so its id is new each time.
 */
export async function planAgreementReviewsInTransaction(
  manager: EntityManager,
  clinicId: string,
  coupleId: string,
): Promise<void> {
  await enqueueInTransaction(manager, {
    name: JobName.PlanAgreementReviews,
    data: { coupleId, clinicId },
    jobId: `plan-agreement-reviews-${coupleId}-${randomUUID()}`,
  });
}
