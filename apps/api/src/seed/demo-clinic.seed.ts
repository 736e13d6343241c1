import { DataSource } from 'typeorm';
import { Clinic, StaffUser } from '@trellis/data';
import type { StaffRole } from '@trellis/contracts';
import { hashPassword } from '../auth/password-hasher';

/** Fixed id so every run finds (and refreshes) the same demo clinic instead of adding another. */
export const DEMO_CLINIC_ID = '00000000-0000-4000-8000-000000000001';

export const DEMO_PASSWORD = 'trellis-demo-2026';

export const DEMO_STAFF: { email: string; name: string; role: StaffRole }[] = [
  { email: 'admin@demo.trellis.test', name: 'Morgan Avery', role: 'admin' },
  { email: 'dana@demo.trellis.test', name: 'Dana Reyes', role: 'therapist' },
  { email: 'sam@demo.trellis.test', name: 'Sam Okafor', role: 'therapist' },
];

/** Idempotent: the same clinic and people every run; passwords are reset to the demo password. */
export async function seedDemoClinic(dataSource: DataSource): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await dataSource.transaction(async (manager) => {
    await manager.upsert(
      Clinic,
      { id: DEMO_CLINIC_ID, name: 'Riverside Couples Counselling (demo)', timezone: 'Europe/London' },
      ['id'],
    );
    for (const person of DEMO_STAFF) {
      await manager.upsert(
        StaffUser,
        { clinicId: DEMO_CLINIC_ID, email: person.email, name: person.name, role: person.role, status: 'active', passwordHash },
        ['email'],
      );
    }
  });
}
