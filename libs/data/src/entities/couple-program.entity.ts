import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { EnrolmentStatus, OpensWhen, ProgramStepKind, ProgramStepStatus } from '@trellis/domain';

/** A couple on a program: its own copy of the steps, so later edits to the program never move it. */
@Entity('couple_program')
export class CoupleProgram {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  clinicId: string;

  @Column({ type: 'uuid' })
  coupleId: string;

  @Column({ type: 'uuid' })
  programId: string;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text', default: 'active' })
  status: EnrolmentStatus;

  @Column({ type: 'uuid' })
  enrolledBy: string;

  @Column({ type: 'timestamptz', nullable: true })
  completedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

/** One step of a couple's path and where it stands; an exercise step that opened names its homework. */
@Entity('couple_program_step')
export class CoupleProgramStep {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  clinicId: string;

  @Column({ type: 'uuid' })
  coupleProgramId: string;

  @Column({ type: 'int' })
  position: number;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text' })
  kind: ProgramStepKind;

  @Column({ type: 'uuid', nullable: true })
  exerciseId: string | null;

  /** The measure a check-in step sends each partner when it opens. */
  @Column({ type: 'uuid', nullable: true })
  measureId: string | null;

  @Column({ type: 'text' })
  opensWhen: OpensWhen;

  @Column({ type: 'int', nullable: true })
  afterSessions: number | null;

  @Column({ type: 'int' })
  dueInDays: number;

  @Column({ type: 'text', default: 'pending' })
  status: ProgramStepStatus;

  @Column({ type: 'uuid', nullable: true })
  assignmentId: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  openedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  finishedAt: Date | null;
}
