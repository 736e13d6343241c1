import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { planCheckInReminder } from '@trellis/domain';
import { enqueueInTransaction, JobName, queueEmailInTransaction } from '@trellis/jobs';

export interface CheckInSend {
  checkInId: string;
  clinicId: string;
  now: Date;
  timezone: string;
  sessionBefore: Date | null;
}

/**
 * The check-in email through the ledger, and its reminder: one path for every check-in sent.
 * `idempotencyKey` defaults to the check-in's first email; a check-in that waited (for consent or
 * a lifted pause) passes a new one, as its first attempt may hold the default.
 */
export async function queueCheckInEmailAndReminder(
  manager: EntityManager,
  sent: CheckInSend,
  idempotencyKey = `check-in-${sent.checkInId}`,
): Promise<void> {
  const { checkInId, clinicId } = sent;
  await queueEmailInTransaction(manager, {
    clinicId,
    template: 'check-in',
    subjectIds: { checkInId },
    idempotencyKey,
  });
  const remindAt = planCheckInReminder({
    sentAt: sent.now,
    timezone: sent.timezone,
    sessionBefore: sent.sessionBefore,
  });
  if (remindAt) {
    await enqueueInTransaction(manager, {
      name: JobName.RemindCheckIn,
      data: { checkInId, clinicId },
      jobId: `check-in-reminder-${checkInId}`,
      runAt: remindAt,
    });
  }
}

/**
 * A program check-in that waited (for the partner's consent, or for the safety pause they raised to
 * be lifted), sent now: its email with a new key (the first attempt may hold the default one) and
 * its reminder. The caller found it under lock with `CouplesRepository.programCheckInsAwaitingEmail`.
 */
export async function sendWaitingCheckIn(
  manager: EntityManager,
  waiting: { checkInId: string; clinicId: string; timezone: string },
): Promise<void> {
  await queueCheckInEmailAndReminder(
    manager,
    { ...waiting, now: new Date(), sessionBefore: null },
    `check-in-${waiting.checkInId}-waited-${randomUUID()}`,
  );
}
