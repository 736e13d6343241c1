import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { Clinic, Exercise } from '@trellis/data';
import type { SafetyCheckInScreen } from '@trellis/domain';

/** The key of a clinic's own screen: a title never makes it (their keys have no `_`), so it never collides. */
export const CLINIC_SAFETY_SCREEN_KEY = 'clinic_safety_screen';

export type NewSafetyScreen = Pick<
  Exercise,
  'clinicId' | 'title' | 'purpose' | 'instructions' | 'estimatedMinutes' | 'prompts' | 'createdBy'
>;
export type SafetyScreenChanges = Partial<
  Pick<Exercise, 'title' | 'instructions' | 'estimatedMinutes' | 'prompts' | 'version'>
>;

/**
 * A clinic's own safety screen: a row of the exercise table of kind `safety_check_in` with the
 * clinic's id (one per clinic; the library never lists it and nobody assigns it by hand), edited in
 * place with its version going up. Every statement names the clinic.
 */
@Injectable()
export class SafetyScreenRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The clinic row locked for the caller's transaction (two first saves never make two screens), and its choice. */
  async lockClinic(manager: EntityManager, clinicId: string): Promise<SafetyCheckInScreen> {
    const [row]: { safety_check_in_screen: SafetyCheckInScreen }[] = await manager.query(
      `SELECT safety_check_in_screen FROM clinic WHERE id = $1 FOR UPDATE`,
      [clinicId],
    );
    return row.safety_check_in_screen;
  }

  async chosenScreen(clinicId: string): Promise<SafetyCheckInScreen> {
    return (await this.dataSource.getRepository(Clinic).findOneByOrFail({ id: clinicId })).safetyCheckInScreen;
  }

  find(db: EntityManager | DataSource, clinicId: string): Promise<Exercise | null> {
    return db.getRepository(Exercise).findOneBy({ clinicId, kind: 'safety_check_in', archivedAt: IsNull() });
  }

  insert(manager: EntityManager, screen: NewSafetyScreen): Promise<Exercise> {
    return manager.save(
      manager.create(Exercise, {
        ...screen,
        key: CLINIC_SAFETY_SCREEN_KEY,
        kind: 'safety_check_in',
        strategy: 'seeking_help',
        phase: 'crisis_and_impact',
        coercionSensitive: false,
        version: 1,
        basedOnId: null,
        basedOnVersion: null,
        archivedAt: null,
      }),
    );
  }

  async update(manager: EntityManager, clinicId: string, id: string, changes: SafetyScreenChanges): Promise<void> {
    await manager.update(Exercise, { id, clinicId, kind: 'safety_check_in' }, changes);
  }
}
