import type { StaffRole, StaffStatus } from '@trellis/contracts';

/** The signed-in person as the database has them now, read in the same statement as the session. */
export interface StaffNow {
  id: string;
  email: string;
  name: string;
  role: StaffRole;
  clinicId: string;
  status: StaffStatus;
  /** ms since epoch, or null: sessions signed in before this were ended (password reset, 2FA change). */
  sessionsValidAfter: number | null;
}

// What a staff session holds on the server (in PostgreSQL); the browser only ever sees a signed id.
declare module 'fastify' {
  interface Session {
    userId?: string;
    clinicId?: string;
    /** ms since epoch: the absolute lifetime counts from here. */
    signedInAt?: number;
    /** ms since epoch: the idle timeout counts from here. */
    lastSeenAt?: number;
    /** Password checked, second factor awaited (no access yet). */
    pendingTwoFactorUserId?: string;
    pendingTwoFactorSince?: number;
    /** Clinic requires two-factor sign-in and this person must set it up before anything else. */
    twoFactorEnrollmentRequired?: boolean;
    /** A partner's homework session (from their emailed link): one response, nothing else. */
    homeworkResponseId?: string;
    homeworkLastSeenAt?: number;
    /** When this homework session was opened from the link (epoch ms). */
    homeworkOpenedAt?: number;
    /** Synchronizer token sent back as `x-csrf-token` on every state-changing request. */
    csrfToken?: string;
    /** Loaded with the session on every request and never stored (see PostgresSessionStore). */
    staffNow?: StaffNow | null;
  }
}

export const SESSION_COOKIE = 'trellis.sid';
