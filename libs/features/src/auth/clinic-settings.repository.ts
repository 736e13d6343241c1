import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clinic } from '@trellis/data';

/** The clinic settings signing in depends on. A missing clinic is an error: every account has one. */
@Injectable()
export class ClinicSettingsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async nameOf(clinicId: string): Promise<string> {
    return (await this.dataSource.getRepository(Clinic).findOneByOrFail({ id: clinicId })).name;
  }

  async requiresTwoFactor(clinicId: string): Promise<boolean> {
    return (await this.dataSource.getRepository(Clinic).findOneByOrFail({ id: clinicId })).requireTwoFactor;
  }
}
