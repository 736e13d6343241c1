import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { EmailDeliveryStatus, EmailTemplateName } from '@trellis/contracts';

/**
 * The send ledger. One row per email that should go out, keyed by an idempotency key, so a retried
 * or re-delivered job never sends the same message twice.
 */
@Entity('email_delivery')
export class EmailDelivery {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid', nullable: true })
  clinicId: string | null;

  @Column({ type: 'text', unique: true })
  idempotencyKey: string;

  @Column({ type: 'text' })
  template: EmailTemplateName;

  /** Ids of the records the template reads at send time (never their text). */
  @Column({ type: 'jsonb', default: {} })
  subjectIds: Record<string, string>;

  @Column({ type: 'text' })
  status: EmailDeliveryStatus;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Column({ type: 'text', nullable: true })
  lastError: string | null;

  @Column({ type: 'text', nullable: true })
  messageId: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  sentAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
