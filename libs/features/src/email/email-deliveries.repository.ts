import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Clinic, EmailDelivery, StaffUser } from '@trellis/data';

export type DeliveryOutcome = 'retry' | 'failed';

/** The send ledger (`email_delivery`): one row per email, whatever path sends it. */
@Injectable()
export class EmailDeliveriesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** What the row is and where it stands, read without a lock (the send re-reads it locked). */
  async peek(id: string): Promise<Pick<EmailDelivery, 'template' | 'status' | 'idempotencyKey'> | null> {
    return this.dataSource
      .getRepository(EmailDelivery)
      .findOne({ where: { id }, select: { template: true, status: true, idempotencyKey: true } });
  }

  /** The row, locked until the caller's transaction ends: a second sender waits, then sees it sent. */
  findLocked(manager: EntityManager, id: string): Promise<EmailDelivery | null> {
    return manager.findOne(EmailDelivery, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async markSkipped(manager: EntityManager, id: string): Promise<void> {
    await manager.update(EmailDelivery, { id }, { status: 'skipped' });
  }

  async markSent(manager: EntityManager, delivery: EmailDelivery, messageId: string): Promise<void> {
    await manager.update(
      EmailDelivery,
      { id: delivery.id },
      { status: 'sent', sentAt: new Date(), messageId, attempts: delivery.attempts + 1, lastError: null },
    );
  }

  /** Counts a failed attempt; `failed` is final (shown to admins), `retry` leaves it pending. */
  async recordFailure(id: string, message: string, outcome: DeliveryOutcome): Promise<void> {
    await this.dataSource.query(
      `UPDATE email_delivery SET attempts = attempts + 1, last_error = $2, status = $3, updated_at = now() WHERE id = $1`,
      [id, message, outcome === 'failed' ? 'failed' : 'pending'],
    );
  }

  /**
   * Counts a failed first attempt on each row still pending, in the caller's transaction, and
   * returns those rows' ids and clinics (the rows the email queue should take over).
   */
  async recordFirstAttemptFailures(
    manager: EntityManager,
    failures: readonly { deliveryId: string; message: string }[],
  ): Promise<{ id: string; clinicId: string | null }[]> {
    // Wrapped in a CTE: TypeORM hands back an UPDATE's RETURNING rows as [rows, count], a SELECT's as rows.
    const rows: { id: string; clinic_id: string | null }[] = await manager.query(
      `WITH counted AS (
         UPDATE email_delivery d SET attempts = attempts + 1, last_error = f.error, updated_at = now()
         FROM unnest($1::uuid[], $2::text[]) AS f(id, error) WHERE d.id = f.id AND d.status = 'pending'
         RETURNING d.id, d.clinic_id
       )
       SELECT id, clinic_id FROM counted`,
      [failures.map((f) => f.deliveryId), failures.map((f) => f.message)],
    );
    return rows.map((r) => ({ id: r.id, clinicId: r.clinic_id }));
  }

  /** A staff member who may still get mail (not deactivated), with their clinic's name. */
  async staffRecipient(
    manager: EntityManager,
    staffUserId: string,
    clinicId: string | null,
  ): Promise<{ email: string; clinicName: string } | null> {
    const staff = await manager.findOneBy(StaffUser, { id: staffUserId, clinicId: clinicId ?? undefined });
    if (!staff || staff.status === 'deactivated') return null;
    const clinic = await manager.findOneByOrFail(Clinic, { id: staff.clinicId });
    return { email: staff.email, clinicName: clinic.name };
  }
}
