import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { ListResponse, StaffMember } from '@trellis/contracts';
import { StaffUser } from '@trellis/data';
import { StaffListQueryDto } from './staff-list-query.dto';
import { toStaffMember } from './staff-member.view';

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

@Injectable()
export class StaffService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** One clinic's staff, filtered, sorted and paged in SQL: two queries whatever the page size. */
  async list(clinicId: string, query: StaffListQueryDto): Promise<ListResponse<StaffMember>> {
    const qb = this.dataSource
      .getRepository(StaffUser)
      .createQueryBuilder('s')
      .where('s.clinic_id = :clinicId', { clinicId });
    if (query.q?.trim()) {
      qb.andWhere('(s.name ILIKE :q OR s.email ILIKE :q)', { q: `%${escapeLike(query.q.trim())}%` });
    }
    if (query.ids?.length) qb.andWhere('s.id IN (:...ids)', { ids: query.ids });
    if (query.role) qb.andWhere('s.role = :role', { role: query.role });
    if (query.status) qb.andWhere('s.status = :status', { status: query.status });
    const [rows, total] = await qb
      .orderBy(`s.${query.sort}`, query.order)
      .addOrderBy('s.id', 'ASC')
      .skip((query.page - 1) * query.perPage)
      .take(query.perPage)
      .getManyAndCount();
    return {
      data: rows.map(toStaffMember),
      total,
    };
  }
}
