import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FastifyRequest } from 'fastify';
import { DataSource, IsNull } from 'typeorm';
import type { AuditAction, SessionUser, StaffMemberDetail } from '@trellis/contracts';
import { AuthToken, EmailDelivery, StaffUser } from '@trellis/data';
import { AuditService } from '../audit/audit.service';
import { UpdateStaffDto } from './staff.dto';
import { toStaffMember } from './staff-member.view';

@Injectable()
export class StaffAdminService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async get(admin: SessionUser, staffId: string, request: FastifyRequest): Promise<StaffMemberDetail> {
    const staff = await this.dataSource.getRepository(StaffUser).findOneBy({ id: staffId, clinicId: admin.clinicId });
    if (!staff) throw new NotFoundException('No such person in your clinic.');
    const token = await this.dataSource.getRepository(AuthToken).findOne({
      where: { staffUserId: staff.id, purpose: 'invitation', usedAt: IsNull(), revokedAt: IsNull() },
      order: { createdAt: 'DESC' },
    });
    const delivery = token
      ? await this.dataSource.getRepository(EmailDelivery).findOneBy({ idempotencyKey: `staff-invitation-${token.id}` })
      : null;
    await this.audit.record(
      { clinicId: admin.clinicId, actorType: 'staff', actorId: admin.id, action: 'staff.view', outcome: 'success', recordType: 'staff_user', recordId: staff.id },
      request,
    );
    return {
      ...toStaffMember(staff),
      invitation:
        staff.status === 'invited' && token
          ? { sentAt: delivery?.sentAt?.toISOString() ?? null, expiresAt: token.expiresAt.toISOString() }
          : null,
    };
  }

  /**
   * Role and status changes. The clinic's admins are locked for the check, so two admins demoting
   * each other at the same moment cannot leave the clinic with none.
   */
  async update(admin: SessionUser, staffId: string, dto: UpdateStaffDto, request: FastifyRequest): Promise<StaffMemberDetail> {
    await this.dataSource.transaction(async (manager) => {
      const activeAdmins = await manager.find(StaffUser, {
        where: { clinicId: admin.clinicId, role: 'admin', status: 'active' },
        lock: { mode: 'pessimistic_write' },
      });
      const staff = await manager.findOne(StaffUser, { where: { id: staffId, clinicId: admin.clinicId }, lock: { mode: 'pessimistic_write' } });
      if (!staff) throw new NotFoundException('No such person in your clinic.');
      if (dto.status && staff.status === 'invited') {
        throw new ConflictException('This person has not accepted their invitation yet: resend or revoke it instead.');
      }
      const nextRole = dto.role ?? staff.role;
      const nextStatus = dto.status ?? staff.status;
      const staysActiveAdmin = nextRole === 'admin' && nextStatus === 'active';
      const isLastActiveAdmin = activeAdmins.length === 1 && activeAdmins[0].id === staff.id;
      if (isLastActiveAdmin && !staysActiveAdmin) {
        throw new ConflictException('This is the clinic\'s last active admin: make someone else an admin first.');
      }
      const events: { action: AuditAction; details: Record<string, string> }[] = [];
      if (nextRole !== staff.role) events.push({ action: 'staff.role_change', details: { from: staff.role, to: nextRole } });
      if (nextStatus !== staff.status) {
        events.push({ action: nextStatus === 'deactivated' ? 'staff.deactivate' : 'staff.reactivate', details: {} });
      }
      if (events.length === 0) return;
      await manager.update(StaffUser, { id: staff.id }, { role: nextRole, status: nextStatus });
      for (const event of events) {
        await this.audit.record(
          { clinicId: admin.clinicId, actorType: 'staff', actorId: admin.id, action: event.action, outcome: 'success', recordType: 'staff_user', recordId: staff.id, details: event.details },
          request,
          manager,
        );
      }
    });
    return this.get(admin, staffId, request);
  }
}
