import type { StaffMember } from '@trellis/contracts';
import { StaffUser } from '@trellis/data';

export function toStaffMember(s: StaffUser): StaffMember {
  return {
    id: s.id,
    email: s.email,
    name: s.name,
    role: s.role,
    status: s.status,
    createdAt: s.createdAt.toISOString(),
  };
}
