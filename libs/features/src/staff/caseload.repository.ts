import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { Couple } from '@trellis/data';

/**
 * A therapist's caseload as staff administration sees it: the open couples a deactivation must hand
 * over (counted for the staff page, listed inside the deactivation's transaction), and the hand-over.
 */
@Injectable()
export class CaseloadRepository {
  /** Active and paused couples: the ones that would be left without a therapist. */
  async findOpenCoupleIds(manager: EntityManager, clinicId: string, therapistId: string): Promise<string[]> {
    const couples = await manager.find(Couple, {
      where: { clinicId, therapistId, status: In(['active', 'paused']) },
      select: { id: true },
    });
    return couples.map((c) => c.id);
  }

  /** How many couples a deactivation would hand over (the same couples as `findOpenCoupleIds`). */
  countOpenCouples(manager: EntityManager, clinicId: string, therapistId: string): Promise<number> {
    return manager.count(Couple, { where: { clinicId, therapistId, status: In(['active', 'paused']) } });
  }

  async reassign(manager: EntityManager, coupleIds: readonly string[], therapistId: string): Promise<void> {
    await manager.update(Couple, { id: In([...coupleIds]) }, { therapistId });
  }
}
