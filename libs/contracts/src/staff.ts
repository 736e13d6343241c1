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
}
