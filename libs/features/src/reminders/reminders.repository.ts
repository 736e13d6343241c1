import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { JobName, JobPayloads } from '@trellis/jobs';
import { HOMEWORK_FACTS_COLUMNS, HOMEWORK_FACTS_JOINS, HomeworkEmailFacts } from '../homework/homework-facts.sql';
import { REMINDER_STILL_WANTED } from './reminder-rule.sql';

export type FiringReminder = JobPayloads[JobName.SendReminder];

/** A reminder about to be sent: its ledger key, its kind and the partner's new link. */
export interface PreparedReminder {
  reminder: FiringReminder;
  key: string;
  kind: 'overdue' | 'before_due';
  token: string;
  tokenHash: string;
}

/** A reminder's ledger row; the facts are there for a fresh row (null columns for an earlier try's row whose response closed since). */
export interface RecordedReminder extends HomeworkEmailFacts {
  wanted_key: string;
  delivery_id: string;
  delivery_status: string;
  fresh: boolean;
}

/** What planning needs of a response whose reminders may still go out. */
export interface OpenForReminders {
  clinicId: string;
  dueAt: Date;
  timezone: string;
}

/** The reminders feature's SQL: which responses still want reminders, and the batched send's two statements. */
@Injectable()
export class RemindersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** What a reminder needs of an open response, or null when nothing should be sent any more. */
  async openForReminders(responseId: string): Promise<OpenForReminders | null> {
    const rows: { clinic_id: string; due_at: Date; timezone: string }[] = await this.dataSource.query(
      `SELECT r.clinic_id, a.due_at, cl.timezone FROM homework_response r ${HOMEWORK_FACTS_JOINS}
       WHERE r.id = $1 AND ${REMINDER_STILL_WANTED}`,
      [responseId],
    );
    return rows[0] ? { clinicId: rows[0].clinic_id, dueAt: rows[0].due_at, timezone: rows[0].timezone } : null;
  }

  /**
   * One statement for the whole batch: which responses are still open for a reminder (not
   * submitted, link not revoked, homework neither cancelled nor reviewed, partner consenting, couple
   * active, due date unchanged since the job was planned), locked until the commit, their new
   * ledger rows, and the facts the emails say. Rows already recorded by an earlier try come back with
   * `fresh = false`.
   */
  recordOpenReminders(manager: EntityManager, prepared: readonly PreparedReminder[]): Promise<RecordedReminder[]> {
    return manager.query(
      `WITH wanted AS (
         SELECT * FROM unnest($1::uuid[], $2::bigint[], $3::text[], $4::text[], $5::uuid[]) AS w(response_id, due_ms, key, kind, clinic_id)
       ), open AS (
         -- Locked in id order (no deadlock between overlapping batches) for the whole send: a
         -- revocation or submission committed meanwhile waits, or is seen here and skips the row.
         SELECT w.key, w.kind, w.due_ms, r.clinic_id, ${HOMEWORK_FACTS_COLUMNS}
         FROM wanted w JOIN homework_response r ON r.id = w.response_id AND r.clinic_id = w.clinic_id ${HOMEWORK_FACTS_JOINS}
         WHERE ${REMINDER_STILL_WANTED} AND floor(extract(epoch FROM a.due_at) * 1000)::bigint = w.due_ms
         ORDER BY r.id
         FOR UPDATE OF r
       ), recorded AS (
         INSERT INTO email_delivery (clinic_id, idempotency_key, template, subject_ids, status)
         SELECT o.clinic_id, o.key, 'homework-reminder', jsonb_build_object('responseId', o.response_id, 'kind', o.kind, 'dueAtMs', o.due_ms::text), 'pending' FROM open o
         ON CONFLICT (idempotency_key) DO NOTHING
         RETURNING id, idempotency_key, status
       )
       SELECT d.idempotency_key AS wanted_key, d.id AS delivery_id, d.status AS delivery_status, true AS fresh, o.*
       FROM open o JOIN recorded d ON d.idempotency_key = o.key
       UNION ALL
       -- Rows already there (this snapshot predates the INSERT): left by an earlier try, whatever the state now.
       SELECT e.idempotency_key, e.id, e.status, false, o.*
       FROM email_delivery e JOIN wanted w ON w.key = e.idempotency_key LEFT JOIN open o ON o.key = w.key
       WHERE e.idempotency_key = ANY($3::text[])`,
      [
        prepared.map((p) => p.reminder.responseId),
        prepared.map((p) => p.reminder.dueAtMs),
        prepared.map((p) => p.key),
        prepared.map((p) => p.kind),
        prepared.map((p) => p.reminder.clinicId),
      ],
    );
  }
  /**
   * Marks the sent reminders' ledger rows sent and stores each partner's new link, in one statement.
   * Only for emails that went out: a failed send leaves the partner's working link alone.
   */
  async markSent(
    manager: EntityManager,
    sent: readonly { deliveryId: string; responseId: string; tokenHash: string; linkExpiresAt: Date }[],
  ): Promise<void> {
    await manager.query(
      `WITH sent AS (
             UPDATE email_delivery d SET status = 'sent', sent_at = now(), message_id = '<' || d.idempotency_key || '@trellis>', attempts = attempts + 1, updated_at = now()
             WHERE d.id = ANY($1::uuid[])
             RETURNING d.id
           )
           UPDATE homework_response r SET link_token_hash = x.token_hash, link_expires_at = x.expires_at, link_revoked_at = NULL, updated_at = now()
           FROM unnest($2::uuid[], $3::text[], $4::timestamptz[]) AS x(response_id, token_hash, expires_at)
           WHERE r.id = x.response_id`,
      [
        sent.map((row) => row.deliveryId),
        sent.map((row) => row.responseId),
        sent.map((row) => row.tokenHash),
        sent.map((row) => row.linkExpiresAt),
      ],
    );
  }
}
