import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** PostgreSQL's side of the health check. */
@Injectable()
export class HealthRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Resolves when PostgreSQL answers a trivial statement; rejects with the driver's error. */
  async ping(): Promise<void> {
    await this.dataSource.query('SELECT 1');
  }
}
