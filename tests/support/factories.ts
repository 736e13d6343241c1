import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Clinic, StaffUser } from '@trellis/data';
import type { StaffRole, StaffStatus } from '@trellis/contracts';

/** Small builders with defaults; every test makes its own clinic, so tests never share rows. */
export async function createClinic(db: DataSource, overrides: Partial<Clinic> = {}): Promise<Clinic> {
  return db.getRepository(Clinic).save({ name: `Clinic ${randomUUID().slice(0, 8)}`, timezone: 'Europe/London', ...overrides });
}

export async function createStaff(
  db: DataSource,
  clinic: Clinic,
  overrides: Partial<Omit<StaffUser, 'role' | 'status'>> & { role?: StaffRole; status?: StaffStatus } = {},
): Promise<StaffUser> {
  const id = randomUUID().slice(0, 8);
  return db.getRepository(StaffUser).save({
    clinicId: clinic.id,
    email: `staff-${id}@example.test`,
    name: `Staff ${id}`,
    role: 'therapist',
    status: 'active',
    passwordHash: null,
    ...overrides,
  });
}
