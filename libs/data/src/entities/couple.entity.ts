import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { CoupleStatus } from '@trellis/contracts';
import type { ExercisePhase } from '@trellis/domain';

@Entity('couple')
export class Couple {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  clinicId: string;

  @Column({ type: 'text' })
  displayName: string;

  /** Primary therapist: the only therapist who sees and changes this couple. */
  @Column({ type: 'uuid' })
  therapistId: string;

  @Column({ type: 'text' })
  status: CoupleStatus;

  @Column({ type: 'timestamptz', nullable: true })
  nextSessionAt: Date | null;

  /** The phase of recovery the therapist says the couple is in; null until set. */
  @Column({ type: 'text', nullable: true })
  phase: ExercisePhase | null;

  /** Last change by anyone (therapist or partner); drives the caseload's "last activity" sort. */
  @Column({ type: 'timestamptz' })
  lastActivityAt: Date;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
