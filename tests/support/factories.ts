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

/**
 * Opens the couple's safety pause as `partner`'s "I don't feel safe" would (a pause and that
 * partner's flag on one of their homework responses), without going through the homework page.
 * Returns the pause id; delete from safety_flag and safety_pause by couple to undo it.
 */
export async function openSafetyPauseRaisedBy(db: DataSource, couple: Couple, partners: [Client, Client], by: 0 | 1) {
  const assignment = await createAssignment(db, couple, partners, { dueAt: new Date(Date.now() + 7 * 86_400_000) });
  const [pause]: { id: string }[] = await db.query(
    `INSERT INTO safety_pause (clinic_id, couple_id) VALUES ($1, $2) RETURNING id`,
    [couple.clinicId, couple.id],
  );
  await db.query(
    `INSERT INTO safety_flag (clinic_id, pause_id, client_id, response_id, source)
     SELECT $1, $2, r.client_id, r.id, 'partner_flag' FROM homework_response r
     WHERE r.assignment_id = $3 AND r.client_id = $4`,
    [couple.clinicId, pause.id, assignment.id, partners[by].id],
  );
  return pause.id;
}

/** Ends what `openSafetyPauseRaisedBy` opened (the couple's pauses and their flags). */
export async function removeSafetyPauses(db: DataSource, coupleId: string): Promise<void> {
  await db.query(`DELETE FROM safety_flag WHERE pause_id IN (SELECT id FROM safety_pause WHERE couple_id = $1)`, [
    coupleId,
  ]);
  await db.query(`DELETE FROM safety_pause WHERE couple_id = $1`, [coupleId]);
}
