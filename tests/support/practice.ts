import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { Clinic } from '@trellis/data';
import { createClinic, createStaff } from './factories';
import { setPassword, signIn } from './sign-in';

/**
 * A fresh clinic as most API tests need it: an admin, Dana (the therapist under test, signed in)
 * and Sam (another therapist, for "someone else's couple"), all with the test password.
 */
export async function createPractice(
  app: NestFastifyApplication,
  db: DataSource,
  clinicOverrides: Partial<Clinic> = {},
) {
  const clinic = await createClinic(db, clinicOverrides);
  const admin = await createStaff(db, clinic, { role: 'admin' });
  const dana = await createStaff(db, clinic, { name: 'Dana Reyes' });
  const sam = await createStaff(db, clinic, { name: 'Sam Okafor' });
  for (const s of [admin, dana, sam]) await setPassword(db, s);
  return { clinic, admin, dana, sam, asDana: await signIn(app, dana.email) };
}
