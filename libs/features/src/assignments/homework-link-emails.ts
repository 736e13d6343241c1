import { randomUUID } from 'node:crypto';
import type { EmailRequest } from '@trellis/jobs';

/** A partner's first email for new homework: one per response, however often it is asked for. */
export function homeworkAssignedEmail(clinicId: string, responseId: string): EmailRequest {
  return {
    clinicId,
    template: 'homework-assigned',
    subjectIds: { responseId },
    idempotencyKey: `homework-assigned-${responseId}`,
  };
}

/**
 * The same first email, for homework that waited because the partner had not agreed to email and
 * now has. The caller has checked, under the couple's lock, that no link email for the response
 * was sent or is on its way, so a new key never doubles one; a new key is needed because an
 * earlier attempt (skipped or failed) may hold the first one.
 */
export function waitingHomeworkEmail(clinicId: string, responseId: string): EmailRequest {
  return {
    clinicId,
    template: 'homework-assigned',
    subjectIds: { responseId },
    idempotencyKey: `homework-assigned-${responseId}-on-consent-${randomUUID()}`,
  };
}

/** Tells a partner the therapist replied on their homework: once per comment and partner. */
export function homeworkReplyEmail(clinicId: string, responseId: string, commentId: string): EmailRequest {
  return {
    clinicId,
    template: 'homework-reply',
    subjectIds: { responseId, commentId },
    idempotencyKey: `homework-reply-${commentId}-${responseId}`,
  };
}
