import { STAFF_ROLES, STAFF_STATUSES, type StaffRole, type StaffStatus } from '@trellis/contracts';

export const ROLE_LABELS: Record<StaffRole, string> = { admin: 'Administrator', therapist: 'Therapist' };

export const ROLE_DESCRIPTIONS: Record<StaffRole, string> = {
  therapist: 'Works with their own couples.',
  admin: 'Also invites and deactivates staff, changes roles, and reads the audit log.',
};

export const STATUS_LABELS: Record<StaffStatus, string> = {
  invited: 'Invited',
  active: 'Active',
  deactivated: 'Deactivated',
};

export const roleChoices = STAFF_ROLES.map((id) => ({ id, name: ROLE_LABELS[id] }));
export const statusChoices = STAFF_STATUSES.map((id) => ({ id, name: STATUS_LABELS[id] }));
