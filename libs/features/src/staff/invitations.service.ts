import { ConflictException, HttpStatus, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AppConfig } from '@trellis/config';
import type { SessionUser, StaffMember } from '@trellis/contracts';
import { StaffUser } from '@trellis/data';
import { queueEmailInTransaction } from '@trellis/jobs';
import type { StaffActor } from '../actor/actor';
import { AuditService } from '../audit/audit.service';
import { APP_CONFIG } from '../config/config.tokens';
import { ProblemException } from '../http/problem.exception';
import { invitationEmailKey, InvitationsRepository } from './invitations.repository';
import { InviteStaffDto } from './staff.dto';
import { toStaffMember } from './staff-member.view';
import { StaffRepository } from './staff.repository';

/** Invite, resend, revoke. Every change, its email and its audit row commit together or not at all. */
@Injectable()
export class InvitationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditService,
    private readonly staff: StaffRepository,
    private readonly invitations: InvitationsRepository,
  ) {}

  async invite(actor: StaffActor, dto: InviteStaffDto): Promise<StaffMember> {
    const admin = actor.staff;
    return this.dataSource.transaction(async (manager) => {
      // Someone in the admin's own clinic: saying so reveals nothing they cannot already list. An
      // account in another clinic makes no difference here (the invitation is made and sent as any
      // other); only accepting it is refused, to the invitee, who owns the address.
      if (await this.staff.emailTakenInClinic(manager, admin.clinicId, dto.email)) {
        throw new ProblemException(HttpStatus.CONFLICT, 'This email address already has a Trellis account.', [
          { field: 'email', message: 'already has a Trellis account' },
        ]);
      }
      const staff = await this.staff.insertInvitee(manager, {
        clinicId: admin.clinicId,
        email: dto.email,
        name: dto.name,
        role: dto.role,
      });
      await this.issueInvitation(manager, admin, staff);
      await this.audit.record(
        actor,
        {
          action: 'staff.invite',
          outcome: 'success',
          recordType: 'staff_user',
          recordId: staff.id,
          details: { role: dto.role },
        },
        manager,
      );
      return toStaffMember(staff);
    });
  }

  async resend(actor: StaffActor, staffId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const staff = await this.invitee(manager, actor.staff, staffId);
      await this.invitations.revokeOpenLinks(manager, staff.id);
      await this.issueInvitation(manager, actor.staff, staff);
      await this.audit.record(
        actor,
        { action: 'staff.invitation_resend', outcome: 'success', recordType: 'staff_user', recordId: staff.id },
        manager,
      );
    });
  }

  /** Withdraws the invitation; the never-activated invitee is removed (the audit trail keeps the record). */
  async revoke(actor: StaffActor, staffId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const staff = await this.invitee(manager, actor.staff, staffId);
      await this.invitations.deleteAllLinks(manager, staff.id);
      await this.staff.deleteInvitee(manager, staff.id);
      await this.audit.record(
        actor,
        { action: 'staff.invitation_revoke', outcome: 'success', recordType: 'staff_user', recordId: staff.id },
        manager,
      );
    });
  }

  private async invitee(manager: EntityManager, admin: SessionUser, staffId: string): Promise<StaffUser> {
    const staff = await this.staff.lockInClinic(manager, admin.clinicId, staffId);
    if (!staff) throw new NotFoundException('No such person in your clinic.');
    if (staff.status !== 'invited') throw new ConflictException('This person has already accepted their invitation.');
    return staff;
  }

  private async issueInvitation(manager: EntityManager, admin: SessionUser, staff: StaffUser): Promise<void> {
    const token = await this.invitations.insert(manager, {
      staffUserId: staff.id,
      expiresAt: new Date(Date.now() + this.config.auth.invitationTtlHours * 3_600_000),
      createdBy: admin.id,
    });
    await queueEmailInTransaction(manager, {
      clinicId: staff.clinicId,
      template: 'staff-invitation',
      subjectIds: { tokenId: token.id },
      idempotencyKey: invitationEmailKey(token.id),
    });
  }
}
