// Mirrors the auth answers of apps/api. Move these to @trellis/contracts once it exports them, so
// the API and the dashboard cannot drift apart.
export type StaffRole = 'admin' | 'therapist';

export interface StaffUser {
  id: string;
  email: string;
  name: string;
  role: StaffRole;
  clinicId: string;
}

export interface LoginResponse {
  user: StaffUser;
}

export interface SessionResponse {
  user: StaffUser;
  csrfToken: string;
}

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
