import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { ExerciseKind, ExercisePhase, Prompt, StrategyKey } from '@trellis/domain';

/** The strategy library: built-ins (clinicId null, synced from the domain catalog) and a clinic's own. */
@Entity('exercise')
export class Exercise {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid', nullable: true })
  clinicId: string | null;

  @Column({ type: 'text' })
  key: string;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text' })
  strategy: StrategyKey;

  @Column({ type: 'text' })
  purpose: string;

  @Column({ type: 'text' })
  instructions: string;

  @Column({ type: 'int' })
  estimatedMinutes: number;

  @Column({ type: 'jsonb' })
  prompts: Prompt[];

  /** Library homework, or the private safety check-in (never listed, never assigned by hand). */
  @Column({ type: 'text', default: 'homework' })
  kind: ExerciseKind;

  /** Bumped when prompts change; assignments keep the prompts they were given. */
  @Column({ type: 'int' })
  version: number;

  @Column({ type: 'uuid', nullable: true })
  basedOnId: string | null;

  /** The version of the exercise this copy was made from; a newer one is offered, never applied. */
  @Column({ type: 'int', nullable: true })
  basedOnVersion: number | null;

  /** The phase of recovery it belongs to; null for a clinic exercise that does not say. */
  @Column({ type: 'text', nullable: true })
  phase: ExercisePhase | null;

  /** Could be turned into a tool of control: the assign dialog warns while a safety concern is open. */
  @Column({ type: 'boolean', default: false })
  coercionSensitive: boolean;

  @Column({ type: 'uuid', nullable: true })
  createdBy: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  archivedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
