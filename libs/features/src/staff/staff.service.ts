import { Injectable } from '@nestjs/common';
import type { ListResponse, StaffMember } from '@trellis/contracts';
import { StaffListQueryDto } from './staff-list-query.dto';
import { toStaffMember } from './staff-member.view';
import { StaffRepository } from './staff.repository';

@Injectable()
export class StaffService {
  constructor(private readonly staff: StaffRepository) {}

  /** One clinic's staff, filtered, sorted and paged in SQL: two queries whatever the page size. */
  async list(clinicId: string, query: StaffListQueryDto): Promise<ListResponse<StaffMember>> {
    const { rows, total } = await this.staff.findPage(clinicId, query);
    return {
      data: rows.map(toStaffMember),
      total,
    };
  }
}
