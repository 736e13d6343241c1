import { ConflictException, HttpStatus, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { AuditAction, StaffMemberDetail } from '@trellis/contracts';
import { StaffUser } from '@trellis/data';
import { syncDigestSchedulesInTransaction } from '@trellis/jobs';
import type { StaffActor } from '../actor/actor';
import { AuditService } from '../audit/audit.service';
import { ProblemException, validationProblem } from '../http/problem.exception';
import { CaseloadRepository } from './caseload.repository';
import { InvitationsRepository } from './invitations.repository';
import { UpdateStaffDto } from './staff.dto';
import { toStaffMember } from './staff-member.view';
import { StaffRepository } from './staff.repository';
import { SessionScheduler } from '../sessions/session-scheduler';

@Injectable()
export class StaffAdminService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly staff: StaffRepository,
    private readonly invitations: InvitationsRepository,
    private readonly caseload: CaseloadRepository,
    private readonly scheduler: SessionScheduler,
  ) {}

  async get(actor: StaffActor, staffId: string): Promise<StaffMemberDetail> {
    const staff = await this.staff.findInClinic(actor.staff.clinicId, staffId);
    if (!staff) throw new NotFoundException('No such person in your clinic.');
    const invitation = await this.invitations.findPending(staff.id);
    const openCoupleCount = await this.caseload.countOpenCouples(this.dataSource.manager, staff.clinicId, staff.id);
    await this.audit.record(actor, {
      action: 'staff.view',
      outcome: 'success',
      recordType: 'staff_user',
      recordId: staff.id,
    });
    return {
      ...toStaffMember(staff),
      invitation:
        staff.status === 'invited' && invitation
          ? { sentAt: invitation.sentAt?.toISOString() ?? null, expiresAt: invitation.expiresAt.toISOString() }
          : null,
      openCoupleCount,
    };
  }

  /**
   * A deactivated therapist's couples must not be orphaned: without `reassignTo` the call is
   * refused (409 naming the field, with the count), with it they move in the same transaction.
   */
  private async handOverCouples(
    manager: EntityManager,
    actor: StaffActor,
    staff: StaffUser,
    reassignTo: string | undefined,
  ): Promise<void> {
    const admin = actor.staff;
    const coupleIds = await this.caseload.findOpenCoupleIds(manager, admin.clinicId, staff.id);
    if (coupleIds.length === 0) return;
    if (!reassignTo) {
      throw new ProblemException(
        HttpStatus.CONFLICT,
        `${staff.name} has ${coupleIds.length} couple(s): choose who takes them over.`,
        [{ field: 'reassignCouplesTo', message: `choose a therapist to take over ${coupleIds.length} couple(s)` }],
      );
    }
    const successor = await this.staff.findActiveInClinic(manager, admin.clinicId, reassignTo);
    if (!successor || successor.id === staff.id) {
      throw validationProblem([
        { field: 'reassignCouplesTo', message: 'must be another active staff member of your clinic' },
      ]);
    }
    await this.caseload.reassign(manager, coupleIds, successor.id);
    // Their future sessions go with them, if none clashes with the successor's own schedule.
    for (const coupleId of coupleIds) await this.scheduler.reassign(manager, admin.clinicId, coupleId, successor.id);
    for (const coupleId of coupleIds) {
      await this.audit.record(
        actor,
        {
          action: 'couple.update',
          outcome: 'success',
          recordType: 'couple',
          recordId: coupleId,
          details: { fields: 'therapistId', from: staff.id, to: successor.id },
        },
        manager,
      );
    }
  }

  /**
   * Role and status changes. The clinic's admins are locked for the check, so two admins demoting
   * each other at the same moment cannot leave the clinic with none.
   */
  async update(actor: StaffActor, staffId: string, dto: UpdateStaffDto): Promise<StaffMemberDetail> {
    const admin = actor.staff;
    await this.dataSource.transaction(async (manager) => {
      const activeAdmins = await this.staff.lockActiveAdmins(manager, admin.clinicId);
      const staff = await this.staff.lockInClinic(manager, admin.clinicId, staffId);
      if (!staff) throw new NotFoundException('No such person in your clinic.');
      if (dto.status && staff.status === 'invited') {
        throw new ConflictException('This person has not accepted their invitation yet: resend or revoke it instead.');
      }
      const nextRole = dto.role ?? staff.role;
      const nextStatus = dto.status ?? staff.status;
      const staysActiveAdmin = nextRole === 'admin' && nextStatus === 'active';
      const isLastActiveAdmin = activeAdmins.length === 1 && activeAdmins[0].id === staff.id;
      if (isLastActiveAdmin && !staysActiveAdmin) {
        throw new ConflictException("This is the clinic's last active admin: make someone else an admin first.");
      }
      const events: { action: AuditAction; details: Record<string, string> }[] = [];
      if (nextRole !== staff.role)
        events.push({ action: 'staff.role_change', details: { from: staff.role, to: nextRole } });
      if (nextStatus !== staff.status) {
        events.push({ action: nextStatus === 'deactivated' ? 'staff.deactivate' : 'staff.reactivate', details: {} });
      }
      if (nextStatus === 'deactivated' && staff.status !== 'deactivated') {
        await this.handOverCouples(manager, actor, staff, dto.reassignCouplesTo);
      }
      if (events.length === 0) return;
      await this.staff.changeRoleAndStatus(manager, staff.id, nextRole, nextStatus);
      await syncDigestSchedulesInTransaction(manager, admin.clinicId);
      for (const event of events) {
        await this.audit.record(
          actor,
          {
            action: event.action,
            outcome: 'success',
            recordType: 'staff_user',
            recordId: staff.id,
            details: event.details,
          },
          manager,
        );
      }
    });
    return this.get(actor, staffId);
  }
}
