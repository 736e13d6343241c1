import { randomUUID } from 'node:crypto';
import { DataSource, IsNull } from 'typeorm';
import { Assignment, Client, Clinic, Couple, Exercise, HomeworkResponse, StaffUser } from '@trellis/data';
import { BUILT_IN_EXERCISES } from '@trellis/domain';
import type { StaffRole, StaffStatus } from '@trellis/contracts';

/** Small builders with defaults; every test makes its own clinic, so tests never share rows. */
export async function createClinic(db: DataSource, overrides: Partial<Clinic> = {}): Promise<Clinic> {
  return db
    .getRepository(Clinic)
    .save({ name: `Clinic ${randomUUID().slice(0, 8)}`, timezone: 'Europe/London', ...overrides });
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

export async function createCouple(
  db: DataSource,
  clinic: Clinic,
  therapist: StaffUser,
  overrides: Partial<Couple> = {},
): Promise<{ couple: Couple; partners: [Client, Client] }> {
  const id = randomUUID().slice(0, 6);
  const couple = await db.getRepository(Couple).save({
    clinicId: clinic.id,
    therapistId: therapist.id,
    displayName: `Couple ${id}`,
    status: 'active',
    nextSessionAt: null,
    lastActivityAt: new Date(),
    ...overrides,
  });
  const partners = (await db.getRepository(Client).save(
    ([1, 2] as const).map((position) => ({
      clinicId: clinic.id,
      coupleId: couple.id,
      position,
      name: `Partner ${position} ${id}`,
      email: `p${position}-${id}@example.test`,
      timezone: 'Europe/London',
      emailConsent: true,
    })),
  )) as [Client, Client];
  return { couple, partners };
}

/** An assignment of the first built-in exercise with both partners' responses in the given state. */
export async function createAssignment(
  db: DataSource,
  couple: Couple,
  partners: [Client, Client],
  state: { dueAt: Date; submitted?: [boolean, boolean]; reviewed?: boolean; cancelled?: boolean },
): Promise<Assignment> {
  const exercise = await db
    .getRepository(Exercise)
    .findOneByOrFail({ key: BUILT_IN_EXERCISES[0].key, clinicId: IsNull() });
  const assignment = await db.getRepository(Assignment).save({
    clinicId: couple.clinicId,
    coupleId: couple.id,
    exerciseId: exercise.id,
    exerciseVersion: exercise.version,
    title: exercise.title,
    strategy: exercise.strategy,
    purpose: exercise.purpose,
    instructions: exercise.instructions,
    prompts: exercise.prompts,
    dueAt: state.dueAt,
    message: '',
    shareAnswersAfterBoth: false,
    assignedBy: couple.therapistId,
    cancelledAt: state.cancelled ? new Date() : null,
    reviewedAt: state.reviewed ? new Date() : null,
  });
  await db.getRepository(HomeworkResponse).save(
    partners.map((p, i) => ({
      clinicId: couple.clinicId,
      assignmentId: assignment.id,
      clientId: p.id,
      answers: {},
      submittedAt: state.submitted?.[i] ? new Date() : null,
    })),
  );
  return assignment;
}
