import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { AuditActorType, AuditOutcome } from '@trellis/contracts';

/** Who did what to which record, when and from where. Append-only (a trigger refuses changes). */
@Entity('audit_event')
export class AuditEvent {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: string;

  @Column({ type: 'uuid', nullable: true })
  clinicId: string | null;

  @Column({ type: 'text' })
  actorType: AuditActorType;

  @Column({ type: 'text', nullable: true })
  actorId: string | null;

  @Column({ type: 'text' })
  action: string;

  @Column({ type: 'text', nullable: true })
  recordType: string | null;

  @Column({ type: 'text', nullable: true })
  recordId: string | null;

  @Column({ type: 'text' })
  outcome: AuditOutcome;

  @Column({ type: 'inet', nullable: true })
  ip: string | null;

  @Column({ type: 'text', nullable: true })
  userAgent: string | null;

  /** Ids and reasons only — never clinical text. */
  @Column({ type: 'jsonb', default: {} })
  details: Record<string, string | number | boolean | null>;

  @CreateDateColumn({ type: 'timestamptz' })
  occurredAt: Date;
}
