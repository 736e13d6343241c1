import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Clinic } from '@trellis/data';

/** What an admin may change about their clinic. */
export type ClinicChanges = Partial<Pick<Clinic, 'name' | 'timezone' | 'requireTwoFactor' | 'digestEmailDetail'>>;

/** The clinic aggregate: where the clinic settings' SQL lives. */
@Injectable()
export class ClinicRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  findById(clinicId: string): Promise<Clinic> {
    return this.dataSource.getRepository(Clinic).findOneByOrFail({ id: clinicId });
  }

  /** The clinic as the caller's transaction sees it (its own changes included). */
  findByIdIn(manager: EntityManager, clinicId: string): Promise<Clinic> {
    return manager.findOneByOrFail(Clinic, { id: clinicId });
  }

  async update(manager: EntityManager, clinicId: string, changes: ClinicChanges): Promise<void> {
    await manager.update(Clinic, { id: clinicId }, changes);
  }
}
