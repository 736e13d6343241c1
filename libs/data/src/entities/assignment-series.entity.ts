import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { SeriesRhythm } from '@trellis/domain';

export type SeriesStatus = 'active' | 'stopped' | 'ended';
export type SeriesStoppedReason = 'therapist' | 'couple_paused' | 'couple_discharged';

/**
 * Recurring homework for one couple: the rule its occurrences follow and how far it has got. Each
 * occurrence is its own `assignment` (series_id, series_occurrence). Dates are the clinic's
 * calendar dates ('YYYY-MM-DD'), the due time its wall clock.
 */
@Entity('assignment_series')
export class AssignmentSeries {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  clinicId: string;

  @Column({ type: 'uuid' })
  coupleId: string;

  @Column({ type: 'uuid' })
  exerciseId: string;

  @Column({ type: 'uuid' })
  assignedBy: string;

  @Column({ type: 'text' })
  rhythm: SeriesRhythm;

  @Column({ type: 'smallint', array: true, default: () => "'{}'" })
  weekdays: number[];

  @Column({ type: 'text' })
  dueTime: string;

  /** The clinic's zone when the series was made: its wall-clock times are read in it. */
  @Column({ type: 'text' })
  timeZone: string;

  @Column({ type: 'date' })
  startsOn: string;

  @Column({ type: 'date', nullable: true })
  endsOn: string | null;

  @Column({ name: 'occurrence_count', type: 'int', nullable: true })
  count: number | null;

  @Column({ type: 'text' })
  message: string;

  @Column({ type: 'boolean' })
  shareAnswersAfterBoth: boolean;

  @Column({ type: 'text' })
  status: SeriesStatus;

  @Column({ type: 'text', nullable: true })
  stoppedReason: SeriesStoppedReason | null;

  /** Bumped by every edit: a planned job of an older revision finds itself stale. */
  @Column({ type: 'int' })
  revision: number;

  /** The last occurrence issued or passed over (0: none yet), its date and due time. */
  @Column({ type: 'int' })
  lastOccurrence: number;

  @Column({ type: 'date', nullable: true })
  lastOccurrenceOn: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  lastDueAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  stoppedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
