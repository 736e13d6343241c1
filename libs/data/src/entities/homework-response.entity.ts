import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { AnswerMap } from '@trellis/domain';

/** One partner's answers to one assignment, and that partner's personal link. */
@Entity('homework_response')
export class HomeworkResponse {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  clinicId: string;

  @Column({ type: 'uuid' })
  assignmentId: string;

  @Column({ type: 'uuid' })
  clientId: string;

  @Column({ type: 'jsonb' })
  answers: AnswerMap;

  @Column({ type: 'timestamptz', nullable: true })
  startedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  lastSavedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  submittedAt: Date | null;

  @Column({ type: 'text', nullable: true, select: false })
  linkTokenHash: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  linkExpiresAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  linkRevokedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  linkOpenedAt: Date | null;

  /** Homework sessions opened before this (the therapist revoked or resent the link) are over. */
  @Column({ type: 'timestamptz', nullable: true })
  sessionsValidAfter: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  linkLastUsedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
