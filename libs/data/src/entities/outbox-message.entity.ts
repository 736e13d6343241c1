import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A job waiting to reach Redis. Written in the same transaction as the change that causes it, so a
 * rolled-back change enqueues nothing and a Redis outage loses nothing: the relay drains it later.
 */
@Entity('outbox')
export class OutboxMessage {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: string;

  @Column({ type: 'text' })
  queue: string;

  @Column({ type: 'text' })
  jobName: string;

  /** Ids only: Redis stores job data in clear text, so no names, emails or answers go here. */
  @Column({ type: 'jsonb' })
  payload: Record<string, unknown>;

  /** Deterministic BullMQ job id, so a relay that crashes after adding but before marking is harmless. */
  @Column({ type: 'text' })
  jobId: string;

  /** Delay until this time (null: as soon as relayed). */
  @Column({ type: 'timestamptz', nullable: true })
  runAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  relayedAt: Date | null;

  @Column({ type: 'int', default: 0 })
  relayAttempts: number;

  @Column({ type: 'text', nullable: true })
  lastError: string | null;
}
