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

/** The ledger key of a check-in's first email, which its reminder follows when none is named. */
export function firstCheckInEmailKey(checkInId: string): string {
  return `check-in-${checkInId}`;
}

/**
 * The reminder's job id and ledger key, made from the key of the email it follows: a check-in sent
 * again later (it waited for consent or a lifted pause) gets a reminder of its own, which neither
 * a kept job of the first send's reminder (same id: BullMQ would ignore the add) nor that
 * reminder's ledger row can swallow. The first email's stays `check-in-reminder-<checkInId>`.
 */
export function checkInReminderKey(sendKey: string): string {
  return sendKey.replace(/^check-in-/, 'check-in-reminder-');
}

/**
 * The check-in email through the ledger, and its reminder: one path for every check-in sent.
 * `idempotencyKey` defaults to the check-in's first email; a check-in that waited (for consent or
 * a lifted pause) passes a new one, as its first attempt may hold the default. The reminder belongs
 * to that email: when it fires it goes only if no later email of the check-in was queued since
 * (CheckInsProcessor.remind), so a check-in sent late is reminded once, a day after it went.
 */
export async function queueCheckInEmailAndReminder(
  manager: EntityManager,
  sent: CheckInSend,
  idempotencyKey = firstCheckInEmailKey(sent.checkInId),
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
      data: { checkInId, clinicId, sendKey: idempotencyKey },
      jobId: checkInReminderKey(idempotencyKey),
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
