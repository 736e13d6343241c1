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
