import type { SafetyCheckInScreen } from '@trellis/domain';

export const STAFF_ROLES = ['admin', 'therapist'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export const STAFF_STATUSES = ['invited', 'active', 'deactivated'] as const;
export type StaffStatus = (typeof STAFF_STATUSES)[number];

/** The signed-in person as the dashboard sees them. */
export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: StaffRole;
  clinicId: string;
}

export interface SessionResponse {
  user: SessionUser;
  csrfToken: string;
  twoFactorEnabled: boolean;
  /** The clinic requires two-factor sign-in and this person has not set it up: only set-up is allowed. */
  twoFactorEnrollmentRequired: boolean;
}

/** Sign-in answer when the password was right and a second factor is still needed. */
export interface TwoFactorChallenge {
  twoFactorRequired: true;
}

export interface TwoFactorSetup {
  /** Base32 secret for manual entry. */
  secret: string;
  /** otpauth:// URL for a QR code. */
  otpauthUrl: string;
}

/**
 * How much of the couples' homework a digest email may carry. Email is not a safe channel for
 * clinical text: by default a digest says how much is waiting and links to Trellis.
 * - counts: totals only, no names, no answers;
 * - names: each couple by name with its counts, no answers;
 * - answers: names, notable scale answers and both partners' answers in full.
 */
export const DIGEST_EMAIL_DETAILS = ['counts', 'names', 'answers'] as const;
export type DigestEmailDetail = (typeof DIGEST_EMAIL_DETAILS)[number];

export interface ClinicSettings {
  id: string;
  name: string;
  timezone: string;
  requireTwoFactor: boolean;
  digestEmailDetail: DigestEmailDetail;
  /** Emails to partners say nothing about therapy or the exercise in their subject and sender name. */
  neutralPartnerEmails: boolean;
  /** Off track (see offTrackReasons): a drop this large over the last three check-ins, for a measure without a reliable change. */
  offTrackRecentDrop: number;
  /** Off track: the gap between partners growing this much over the last three check-ins both answered. */
  offTrackGapWidening: number;
  /** Off track: a session check-out on the worse side of this score. */
  offTrackLowCheckOut: number;
  /** Off track: no real improvement after this many sessions. */
  offTrackSessionsWithoutImprovement: number;
  /** Days between each partner's private safety check-ins; null: the clinic sends none. */
  safetyCheckInIntervalDays: number | null;
  /** Which screen the check-ins send: `built_in` (Trellis's own) or `clinic` (the clinic's, `GET /clinic/safety-screen`). */
  safetyCheckInScreen: SafetyCheckInScreen;
  /** Engagement: from this many missed homeworks in a row, a partner's reminders use gentler, shorter wording; 0 is off. */
  gentleReminderAfterMisses: number;
  /** Engagement: from this many missed in a row, the therapist gets a "check in with …" task and the digest names the partner; 0 is off. */
  engagementTaskAfterMisses: number;
}

/** A row of the staff list (admins only). */
export interface StaffMember {
  id: string;
  email: string;
  name: string;
  role: StaffRole;
  status: StaffStatus;
  createdAt: string;
}

export interface StaffMemberDetail extends StaffMember {
  /** The pending invitation, for people who have not accepted yet. */
  invitation: { sentAt: string | null; expiresAt: string } | null;
  /**
   * Their active and paused couples: deactivating them needs someone to take these over, so the
   * dashboard asks who in its first dialog.
   */
  openCoupleCount: number;
}
