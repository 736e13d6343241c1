import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { REMINDER_STILL_WANTED } from '../reminders/reminder-rule.sql';
import { HOMEWORK_FACTS_COLUMNS, HOMEWORK_FACTS_JOINS, HomeworkEmailFacts } from './homework-facts.sql';

/** The homework email's facts and whether a reminder among them may still go out. */
export type HomeworkFactsForSend = HomeworkEmailFacts & { reminder_wanted: boolean };

/** What the worker reads and writes to send a partner's homework email (in the send's transaction). */
@Injectable()
export class HomeworkEmailRepository {
  /**
   * The response's facts, locked for the send: a revocation or submission committed meanwhile is
   * seen, not undone. A reminder retried by the email queue (its first send failed, minutes ago)
   * is checked as when it fired, due date included (rows recorded before dueAtMs was kept skip
   * that part).
   */
  async lockFactsForSend(
    manager: EntityManager,
    responseId: string,
    clinicId: string | null,
    dueAtMs: string | null,
  ): Promise<HomeworkFactsForSend | null> {
    const [facts]: HomeworkFactsForSend[] = await manager.query(
      `SELECT ${HOMEWORK_FACTS_COLUMNS},
              ${REMINDER_STILL_WANTED} AND ($3::bigint IS NULL OR floor(extract(epoch FROM a.due_at) * 1000)::bigint = $3::bigint) AS reminder_wanted
       FROM homework_response r ${HOMEWORK_FACTS_JOINS} WHERE r.id = $1 AND r.clinic_id = $2 FOR UPDATE OF r`,
      [responseId, clinicId, dueAtMs],
    );
    return facts ?? null;
  }

  /**
   * The facts for telling a partner the therapist replied, locked for the send; null when the
   * comment is not one on this response's homework in this clinic. The link minted with it lives
   * the clinic's link lifetime from now if that is later than from the due date: a reply often
   * comes after the due date, and a link that is dead on arrival would hide it.
   */
  async lockReplyFactsForSend(
    manager: EntityManager,
    responseId: string,
    clinicId: string | null,
    commentId: string,
  ): Promise<(HomeworkEmailFacts & { reply_link_expires_at: Date }) | null> {
    const [facts]: (HomeworkEmailFacts & { reply_link_expires_at: Date })[] = await manager.query(
      `SELECT ${HOMEWORK_FACTS_COLUMNS},
              greatest(a.due_at, now()) + make_interval(hours => 24 * k.homework_link_days) AS reply_link_expires_at
       FROM homework_response r ${HOMEWORK_FACTS_JOINS}
       WHERE r.id = $1 AND r.clinic_id = $2
         AND EXISTS (SELECT 1 FROM assignment_review_comment rc
                     WHERE rc.id = $3 AND rc.assignment_id = r.assignment_id AND rc.clinic_id = r.clinic_id)
       FOR UPDATE OF r`,
      [responseId, clinicId, commentId],
    );
    return facts ?? null;
  }

  /** The partner's new link (its hash): it replaces, and so invalidates, any earlier one. */
  async storeLink(manager: EntityManager, responseId: string, tokenHash: string, expiresAt: Date): Promise<void> {
    await manager.query(
      `UPDATE homework_response SET link_token_hash = $2, link_expires_at = $3, link_revoked_at = NULL, updated_at = now() WHERE id = $1`,
      [responseId, tokenHash, expiresAt],
    );
  }
}
