import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { planCheckInReminder } from '@trellis/domain';
import { enqueueInTransaction, JobName, queueEmailInTransaction } from '@trellis/jobs';
import { partnerFlaggedUnderOpenPauseSql } from '../safety/open-safety-pause.sql';

/**
 * "This check-in is a program step's, and its partner raised the couple's open safety pause": the
 * step is joint work, so its email (first or reminder) waits until the therapist lifts the pause,
 * as that partner's homework reminders and agreement emails do — the one rule,
 * `partnerFlaggedUnderOpenPauseSql`. The other partner's is sent as usual. On check_in `k`.
 */
export const PROGRAM_CHECK_IN_HELD_SQL = `(k.program_step_id IS NOT NULL
  AND ${partnerFlaggedUnderOpenPauseSql('k.couple_id', 'k.client_id')})`;

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
 * Sends the couple's program check-ins that are waiting — created for the open step, unanswered,
 * never emailed and no email on its way — to each partner who may now get them: with email
 * consent, not holding a safety pause, the couple active. Called when a partner agrees to email
 * (`position`: that partner only) and when the therapist lifts a safety pause (both partners), in
 * that change's transaction. Rows are locked, so two releases at once send once.
 */
export async function sendWaitingProgramCheckIns(
  manager: EntityManager,
  clinicId: string,
  coupleId: string,
  position: number | null = null,
): Promise<number> {
  const waiting: { checkInId: string; timezone: string }[] = await manager.query(
    `SELECT k.id AS "checkInId", p.timezone
     FROM check_in k
     JOIN couple_program_step s ON s.id = k.program_step_id AND s.status = 'open'
     JOIN couple c ON c.id = k.couple_id AND c.status = 'active'
     JOIN client p ON p.id = k.client_id
     WHERE k.clinic_id = $1 AND k.couple_id = $2 AND ($3::int IS NULL OR p.position = $3)
       AND k.submitted_at IS NULL AND k.link_expires_at IS NULL AND p.email_consent
       AND NOT ${PROGRAM_CHECK_IN_HELD_SQL}
       AND NOT EXISTS (
         SELECT 1 FROM email_delivery d
         WHERE d.clinic_id = k.clinic_id AND d.template = 'check-in' AND d.status IN ('pending', 'sent')
           AND d.subject_ids->>'checkInId' = k.id::text)
     FOR UPDATE OF k`,
    [clinicId, coupleId, position],
  );
  const now = new Date();
  for (const { checkInId, timezone } of waiting) {
    await queueCheckInEmailAndReminder(
      manager,
      { checkInId, clinicId, now, timezone, sessionBefore: null },
      `check-in-${checkInId}-waited-${randomUUID()}`,
    );
  }
  return waiting.length;
}
