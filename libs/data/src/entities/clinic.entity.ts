import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { SafetyCheckInScreen } from '@trellis/domain';

const NUMERIC = { to: (value: number) => value, from: (value: string) => Number(value) };

/** The tenant. Every clinical row carries its clinic's id and every query filters by it. */
@Entity('clinic')
export class Clinic {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  name: string;

  /** IANA zone used for digests and for displaying dates to staff. */
  @Column({ type: 'text', default: 'UTC' })
  timezone: string;

  /** Every staff member must use two-factor sign-in. */
  @Column({ type: 'boolean', default: false })
  requireTwoFactor: boolean;

  /** How much of the homework a digest email carries (see DIGEST_EMAIL_DETAILS in contracts). */
  @Column({ type: 'text', default: 'counts' })
  digestEmailDetail: 'counts' | 'names' | 'answers';

  /** Emails to partners go out under a neutral subject and sender name (see neutral-partner-email.ts). */
  @Column({ type: 'boolean', default: false })
  neutralPartnerEmails: boolean;

  /** Days between private safety check-ins to each partner; null: none are sent. */
  @Column({ type: 'int', nullable: true })
  safetyCheckInIntervalDays: number | null;

  /** Which screen the check-ins send: the built-in one, or the clinic's own (an exercise of kind safety_check_in). */
  @Column({ type: 'text', default: 'built_in' })
  safetyCheckInScreen: SafetyCheckInScreen;

  /** Partners' homework links work until this many days after the due date. */
  @Column({ type: 'int', default: 14 })
  homeworkLinkDays: number;

  /** Off-track thresholds (offTrackReasons' OffTrackSettings), in score points; numeric arrives as text. */
  @Column({ type: 'numeric', precision: 8, scale: 2, default: 5, transformer: NUMERIC })
  offTrackRecentDrop: number;

  @Column({ type: 'numeric', precision: 8, scale: 2, default: 6, transformer: NUMERIC })
  offTrackGapWidening: number;

  @Column({ type: 'numeric', precision: 8, scale: 2, default: 7, transformer: NUMERIC })
  offTrackLowCheckOut: number;

  @Column({ type: 'int', default: 6 })
  offTrackSessionsWithoutImprovement: number;

  /** Engagement (EngagementSettings): gentler reminders from this many misses in a row; 0 is off. */
  @Column({ type: 'int', default: 2 })
  gentleReminderAfterMisses: number;

  /** Engagement: a "check in with …" task and a named digest line from this many misses in a row; 0 is off. */
  @Column({ type: 'int', default: 3 })
  engagementTaskAfterMisses: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
