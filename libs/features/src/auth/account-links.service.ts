import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull, MoreThan } from 'typeorm';
import { AppConfig } from '@trellis/config';
import type { SessionUser } from '@trellis/contracts';
import { passwordProblem } from '@trellis/domain';
import { AuthToken, AuthTokenPurpose, Clinic, hashSecretToken, StaffUser } from '@trellis/data';
import { queueEmailInTransaction, syncDigestSchedulesInTransaction } from '@trellis/jobs';
import { type Actor, asStaff } from '../actor/actor';
import { AuditService } from '../audit/audit.service';
import { APP_CONFIG } from '../config/config.tokens';
import { validationProblem } from '../http/problem.exception';
import { hashPassword } from './password-hasher';

const LINK_NOT_VALID = 'This link is no longer valid. Ask for a new one.';

/** Invitation acceptance and password reset: single-use, expiring, hashed links. */
@Injectable()
export class AccountLinksService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditService,
  ) {}

  async lookupInvitation(token: string): Promise<{ name: string; email: string; clinicName: string }> {
    const { staff } = await this.openToken(this.dataSource.manager, token, 'invitation');
    const clinic = await this.dataSource.getRepository(Clinic).findOneByOrFail({ id: staff.clinicId });
    return { name: staff.name, email: staff.email, clinicName: clinic.name };
  }

  async lookupPasswordReset(token: string): Promise<{ name: string; email: string }> {
    const { staff } = await this.openToken(this.dataSource.manager, token, 'password_reset');
    return { name: staff.name, email: staff.email };
  }

  /** Sets the password, activates the person and uses up the link; returns who to sign in. */
  async acceptInvitation(token: string, password: string, actor: Actor): Promise<SessionUser> {
    return this.usePasswordLink(token, password, 'invitation', actor);
  }

  async confirmPasswordReset(token: string, password: string, actor: Actor): Promise<SessionUser> {
    return this.usePasswordLink(token, password, 'password_reset', actor);
  }

  /** Always the same answer to the caller; an email goes out only for an active account. */
  async requestPasswordReset(email: string, actor: Actor): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const staff = await manager.findOneBy(StaffUser, { email: email.trim().toLowerCase(), status: 'active' });
      if (!staff) return;
      await manager.update(
        AuthToken,
        { staffUserId: staff.id, purpose: 'password_reset', usedAt: IsNull(), revokedAt: IsNull() },
        { revokedAt: new Date() },
      );
      const token = await manager.save(
        manager.create(AuthToken, {
          staffUserId: staff.id,
          purpose: 'password_reset',
          expiresAt: new Date(Date.now() + this.config.auth.passwordResetTtlMinutes * 60_000),
          createdBy: null,
        }),
      );
      await queueEmailInTransaction(manager, {
        clinicId: staff.clinicId,
        template: 'password-reset',
        subjectIds: { tokenId: token.id },
        idempotencyKey: `password-reset-${token.id}`,
      });
      await this.audit.record(
        actor,
        {
          action: 'auth.password_reset_request',
          outcome: 'success',
          recordType: 'staff_user',
          recordId: staff.id,
          // Whoever asked is not signed in; the row names the account, so its clinic sees it.
          attributedTo: { clinicId: staff.clinicId, actorId: staff.id },
        },
        manager,
      );
    });
  }

  private async usePasswordLink(
    token: string,
    password: string,
    purpose: AuthTokenPurpose,
    actor: Actor,
  ): Promise<SessionUser> {
    return this.dataSource.transaction(async (manager) => {
      const { row, staff } = await this.openToken(manager, token, purpose, true);
      const problem = passwordProblem(password, staff);
      if (problem) throw validationProblem([{ field: 'password', message: problem }]);
      const now = new Date();
      await manager.update(AuthToken, { id: row.id }, { usedAt: now });
      await manager.update(
        StaffUser,
        { id: staff.id },
        {
          passwordHash: await hashPassword(password),
          status: 'active',
          // A reset ends every other session at once (the guard refuses older sign-ins).
          sessionsValidAfter: purpose === 'password_reset' ? now : staff.sessionsValidAfter,
        },
      );
      if (purpose === 'invitation') await syncDigestSchedulesInTransaction(manager, staff.clinicId);
      const user = { id: staff.id, email: staff.email, name: staff.name, role: staff.role, clinicId: staff.clinicId };
      // The link proves who they are: from here on they act as that staff member.
      await this.audit.record(
        asStaff(actor, user),
        {
          action: purpose === 'invitation' ? 'auth.invitation_accept' : 'auth.password_reset',
          outcome: 'success',
          recordType: 'staff_user',
          recordId: staff.id,
        },
        manager,
      );
      return user;
    });
  }

  /** The open (unused, unrevoked, unexpired) link for this token, or a 404 that says no more. */
  private async openToken(manager: EntityManager, token: string, purpose: AuthTokenPurpose, lock = false) {
    const row = await manager.findOne(AuthToken, {
      where: {
        tokenHash: hashSecretToken(token),
        purpose,
        usedAt: IsNull(),
        revokedAt: IsNull(),
        expiresAt: MoreThan(new Date()),
      },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    const staff = row ? await manager.findOneBy(StaffUser, { id: row.staffUserId }) : null;
    const expected = purpose === 'invitation' ? 'invited' : 'active';
    if (!row || !staff || staff.status !== expected) throw new NotFoundException(LINK_NOT_VALID);
    return { row, staff };
  }
}
