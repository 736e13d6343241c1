import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { EmailTemplateName } from '@trellis/contracts';
import { EmailDelivery } from '@trellis/data';
import { JOB_QUEUE, JobName } from './job-types';
import { enqueueInTransaction } from './outbox-writer';

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

/**
 * Asks the worker to (re)plan the reminders of these responses after a change that affects them
 * (assigned, due date moved, cancelled, submitted). Planning reads the database, so it is always
 * right for the state at the time it runs.
 */
export async function replanRemindersInTransaction(
  manager: EntityManager,
  clinicId: string,
  responseIds: string[],
): Promise<void> {
  if (responseIds.length === 0) return;
  // One statement for any number of responses.
  await manager.query(
    `INSERT INTO outbox (queue, job_name, payload, job_id)
     SELECT $1, $2, jsonb_build_object('responseId', r, 'clinicId', $3::text), 'plan-' || r || '-' || gen_random_uuid()
     FROM unnest($4::text[]) AS r`,
    [JOB_QUEUE[JobName.PlanReminders], JobName.PlanReminders, clinicId, responseIds],
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

export interface NewHomeworkResponse {
  assignmentId: string;
  clientId: string;
  /** The partner consented to email: their link goes out now. */
  sendEmail: boolean;
}

/**
 * Creates the partners' responses of newly assigned homework together with what assigning queues —
 * each consenting partner's email (ledger row + job) and every response's reminder plan — in one
 * statement: the outbox adds no round trip to the write (the writes benchmark measures this).
 */
export async function insertResponsesWithJobsInTransaction(
  manager: EntityManager,
  clinicId: string,
  responses: NewHomeworkResponse[],
): Promise<void> {
  if (responses.length === 0) return;
  await manager.query(
    `WITH response AS (
       INSERT INTO homework_response (clinic_id, assignment_id, client_id, answers)
       SELECT $1::uuid, x.assignment_id, x.client_id, '{}'::jsonb
       FROM unnest($2::uuid[], $3::uuid[]) AS x(assignment_id, client_id)
       RETURNING id, client_id
     ), delivery AS (
       INSERT INTO email_delivery (clinic_id, idempotency_key, template, subject_ids, status)
       SELECT $1::uuid, 'homework-assigned-' || r.id, 'homework-assigned', jsonb_build_object('responseId', r.id), 'pending'
       FROM response r WHERE r.client_id = ANY($4::uuid[])
       ON CONFLICT (idempotency_key) DO NOTHING
       RETURNING id
     )
     INSERT INTO outbox (queue, job_name, payload, job_id)
     SELECT $5, $6, jsonb_build_object('deliveryId', d.id, 'clinicId', $1::text), 'email-' || d.id FROM delivery d
     UNION ALL
     SELECT $7, $8, jsonb_build_object('responseId', r.id, 'clinicId', $1::text), 'plan-' || r.id || '-' || gen_random_uuid() FROM response r`,
    [
      clinicId,
      responses.map((r) => r.assignmentId),
      responses.map((r) => r.clientId),
      responses.filter((r) => r.sendEmail).map((r) => r.clientId),
      JOB_QUEUE[JobName.SendEmail],
      JobName.SendEmail,
      JOB_QUEUE[JobName.PlanReminders],
      JobName.PlanReminders,
    ],
  );
}
