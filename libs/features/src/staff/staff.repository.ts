import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { StaffRole, StaffStatus } from '@trellis/contracts';
import { StaffUser } from '@trellis/data';
import { StaffListQueryDto } from './staff-list-query.dto';

export interface NewInvitee {
  clinicId: string;
  email: string;
  name: string;
  role: StaffRole;
}

export interface StaffPage {
  rows: StaffUser[];
  total: number;
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * The staff aggregate (one `staff_user` row per person) as staff administration needs it: where the
 * staff feature's SQL on people lives. Writes, and the reads that lock rows, take the caller's
 * transaction.
 */
@Injectable()
export class StaffRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** One clinic's staff, filtered, sorted and paged in SQL: two queries whatever the page size. */
  async findPage(clinicId: string, query: StaffListQueryDto): Promise<StaffPage> {
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
    return { rows, total };
  }

  findInClinic(clinicId: string, staffId: string): Promise<StaffUser | null> {
    return this.dataSource.getRepository(StaffUser).findOneBy({ id: staffId, clinicId });
  }

  /**
   * Whether someone in this clinic (account or invitee) has this address. Only the admin's own
   * clinic is asked: another clinic's holder must make no difference to what an admin sees.
   */
  async emailTakenInClinic(manager: EntityManager, clinicId: string, email: string): Promise<boolean> {
    return (await manager.countBy(StaffUser, { clinicId, email })) > 0;
  }

  /** A person who has been invited and has no password until they accept. */
  insertInvitee(manager: EntityManager, invitee: NewInvitee): Promise<StaffUser> {
    return manager.save(manager.create(StaffUser, { ...invitee, status: 'invited', passwordHash: null }));
  }

  /** The person, their row locked until the caller's transaction ends. */
  lockInClinic(manager: EntityManager, clinicId: string, staffId: string): Promise<StaffUser | null> {
    return manager.findOne(StaffUser, {
      where: { id: staffId, clinicId },
      lock: { mode: 'pessimistic_write' },
    });
  }

  /**
   * The clinic's active admins, locked until the caller's transaction ends, so two admins demoting
   * each other at the same moment cannot leave the clinic with none.
   */
  lockActiveAdmins(manager: EntityManager, clinicId: string): Promise<StaffUser[]> {
    return manager.find(StaffUser, {
      where: { clinicId, role: 'admin', status: 'active' },
      lock: { mode: 'pessimistic_write' },
    });
  }

  findActiveInClinic(manager: EntityManager, clinicId: string, staffId: string): Promise<StaffUser | null> {
    return manager.findOneBy(StaffUser, { id: staffId, clinicId, status: 'active' });
  }

  async changeRoleAndStatus(
    manager: EntityManager,
    staffId: string,
    role: StaffRole,
    status: StaffStatus,
  ): Promise<void> {
    await manager.update(StaffUser, { id: staffId }, { role, status });
  }

  /** Only for a never-activated invitee: the audit trail keeps the record of them. */
  async deleteInvitee(manager: EntityManager, staffId: string): Promise<void> {
    await manager.delete(StaffUser, { id: staffId });
  }
}
