import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { StaffUser } from '@trellis/data';
import type { StaffNow } from './session-data';

/**
 * Staff accounts as signing in sees them (`staff_user`: email, password, status, the sessions
 * cut-off): where the auth feature's SQL on accounts lives. Emails arrive already lower-cased.
 * Writes, and the reads done inside a change, take the caller's transaction.
 */
@Injectable()
export class StaffAccountsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * The account with its password hash (a column never read otherwise). Several clinics may hold a
   * pending invitation for an address that is also someone's account: the account comes first; an
   * invitee alone (no password) is found as before and cannot sign in.
   */
  findByEmailWithPasswordHash(email: string): Promise<StaffUser | null> {
    return this.dataSource
      .getRepository(StaffUser)
      .createQueryBuilder('s')
      .addSelect('s.passwordHash')
      .where('s.email = :email', { email })
      .orderBy(`s.status = 'invited'`, 'ASC')
      .addOrderBy('s.created_at', 'ASC')
      .getOne();
  }

  /** The same choice, without the hash. */
  findByEmail(email: string): Promise<StaffUser | null> {
    return this.dataSource
      .getRepository(StaffUser)
      .createQueryBuilder('s')
      .where('s.email = :email', { email })
      .orderBy(`s.status = 'invited'`, 'ASC')
      .addOrderBy('s.created_at', 'ASC')
      .getOne();
  }

  /** Whether the address already belongs to an account (active or deactivated) other than this row. */
  async emailIsAnotherAccount(manager: EntityManager, email: string, staffId: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `SELECT 1 FROM staff_user WHERE email = $1 AND status <> 'invited' AND id <> $2`,
      [email, staffId],
    );
    return rows.length > 0;
  }

  findActive(staffId: string): Promise<StaffUser | null> {
    return this.dataSource.getRepository(StaffUser).findOneBy({ id: staffId, status: 'active' });
  }

  /**
   * The person behind a session the store did not read them with (one created in this request), as
   * the auth guard checks them. An undefined `clinicId` is left out of the condition (TypeORM skips
   * undefined values), so the id alone finds them.
   */
  async findSessionHolder(staffId: string, clinicId: string | undefined): Promise<StaffNow | null> {
    const staff = await this.dataSource.getRepository(StaffUser).findOneBy({ id: staffId, clinicId });
    if (!staff) return null;
    return {
      id: staff.id,
      email: staff.email,
      name: staff.name,
      role: staff.role,
      clinicId: staff.clinicId,
      status: staff.status,
      sessionsValidAfter: staff.sessionsValidAfter?.getTime() ?? null,
    };
  }

  findActiveByEmail(manager: EntityManager, email: string): Promise<StaffUser | null> {
    return manager.findOneBy(StaffUser, { email, status: 'active' });
  }

  /**
   * Sets the password and makes the account active. Sessions signed in before `sessionsValidAfter`
   * are refused from then on (null: none are).
   */
  async setPasswordAndActivate(
    manager: EntityManager,
    staffId: string,
    passwordHash: string,
    sessionsValidAfter: Date | null,
  ): Promise<void> {
    await manager.update(StaffUser, { id: staffId }, { passwordHash, status: 'active', sessionsValidAfter });
  }
}
