import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { ExerciseKind, Prompt, StrategyKey } from '@trellis/domain';

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

  @Column({ type: 'uuid', nullable: true })
  createdBy: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  archivedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
