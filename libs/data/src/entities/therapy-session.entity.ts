import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { PartnerAttendance, SessionFrequency, SessionStatus } from '@trellis/contracts';

/**
 * A therapy session (table `session`; named so it is not mistaken for a sign-in session): a
 * couple's appointment with their therapist, one-off or one of a series, with its outcome and each
 * partner's attendance once it has happened.
 */
@Entity('session')
export class TherapySession {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  clinicId: string;

  @Column({ type: 'uuid' })
  coupleId: string;

  @Column({ type: 'uuid' })
  therapistId: string;

  /** Shared by the sessions of one recurring series; null for a one-off. */
  @Column({ type: 'uuid', nullable: true })
  seriesId: string | null;

  @Column({ type: 'text', nullable: true })
  frequency: SessionFrequency | null;

  @Column({ type: 'timestamptz' })
  startsAt: Date;

  @Column({ type: 'integer' })
  durationMinutes: number;

  @Column({ type: 'text', nullable: true })
  location: string | null;

  @Column({ type: 'text', nullable: true })
  videoUrl: string | null;

  @Column({ type: 'text' })
  status: SessionStatus;

  /** iCalendar SEQUENCE: raised by each move or cancellation (see the partners' invitations). */
  @Column({ type: 'integer', default: 0 })
  sequence: number;

  @Column({ type: 'text', nullable: true })
  cancelReason: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  cancelledAt: Date | null;

  @Column({ type: 'text', nullable: true })
  attendancePartner1: PartnerAttendance | null;

  @Column({ type: 'text', nullable: true })
  attendancePartner2: PartnerAttendance | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
