// The auth answers of apps/api, from the shared contracts so the two cannot drift apart.
import type { SessionResponse, SessionUser, TwoFactorChallenge } from '@trellis/contracts';

export type { SessionResponse, StaffRole, TwoFactorChallenge } from '@trellis/contracts';

export type StaffUser = SessionUser;

/** `POST /auth/login`: a session, or "now the second factor" when two-factor sign-in is on. */
export type LoginResponse = SessionResponse | TwoFactorChallenge;

/** The second step of signing in (and turning it off): the authenticator code, or one recovery code. */
export type SecondFactorParams = { code: string } | { recoveryCode: string };

/** `POST /auth/invitations/lookup`: who the invitation is for, to greet them before they choose a password. */
export interface InvitationPreview {
  name: string;
  email: string;
  clinicName: string;
}

/**
 * Emailed links that end in a session: accepting an invitation, or choosing a new password after
 * a reset. Both answer like a sign-in, so they go through authProvider.login.
 */
export type TokenPurpose = 'invitation' | 'password-reset';
