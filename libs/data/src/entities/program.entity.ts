import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { ProgramStepDefinition } from '@trellis/domain';

/** A program's steps as stored: each exercise step names its exercise by id. */
export type StoredProgramStep = ProgramStepDefinition<string>;

/** A path of steps: built-in (clinicId null, synced from the domain by key) or a clinic's own. */
@Entity('program')
export class Program {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid', nullable: true })
  clinicId: string | null;

  @Column({ type: 'text', nullable: true })
  key: string | null;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text' })
  description: string;

  @Column({ type: 'jsonb' })
  steps: StoredProgramStep[];

  @Column({ type: 'uuid', nullable: true })
  createdBy: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  archivedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
