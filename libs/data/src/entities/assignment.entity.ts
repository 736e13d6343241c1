import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { ExerciseKind, Prompt, StrategyKey } from '@trellis/domain';

/** Homework for one couple. The exercise's text and prompts are frozen here when it is assigned. */
@Entity('assignment')
export class Assignment {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  clinicId: string;

  @Column({ type: 'uuid' })
  coupleId: string;

  @Column({ type: 'uuid' })
  exerciseId: string;

  @Column({ type: 'int' })
  exerciseVersion: number;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text' })
  strategy: StrategyKey;

  @Column({ type: 'text' })
  purpose: string;

  @Column({ type: 'text' })
  instructions: string;

  @Column({ type: 'jsonb' })
  prompts: Prompt[];

  /** Library homework, or the private safety check-in (never listed, never assigned by hand). */
  @Column({ type: 'text', default: 'homework' })
  kind: ExerciseKind;

  @Column({ type: 'timestamptz' })
  dueAt: Date;

  /** "Due before the next session": the session it is due before; moving it moves dueAt. */
  @Column({ type: 'uuid', nullable: true })
  dueSessionId: string | null;

  /** How many hours before `dueSessionId` it is due; null with it. */
  @Column({ type: 'integer', nullable: true })
  dueHoursBeforeSession: number | null;

  @Column({ type: 'text' })
  message: string;

  /** After both have submitted, each partner may read the other's answers. */
  @Column({ type: 'boolean' })
  shareAnswersAfterBoth: boolean;

  @Column({ type: 'uuid' })
  assignedBy: string;

  /** The recurring series this is an occurrence of (null for one-off homework), and its number. */
  @Column({ type: 'uuid', nullable: true })
  seriesId: string | null;

  @Column({ type: 'int', nullable: true })
  seriesOccurrence: number | null;

  @Column({ type: 'timestamptz', nullable: true })
  cancelledAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  reviewedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  reviewedBy: string | null;

  /** The program step that opened this homework; null for homework assigned on its own. */
  @Column({ type: 'uuid', nullable: true })
  programStepId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
