import { HttpStatus, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { SessionUser } from '@trellis/contracts';
import { passwordProblem } from '@trellis/domain';
import { AuthToken, AuthTokenPurpose, hashSecretToken, StaffUser } from '@trellis/data';
import { currentLinkHash } from '../email/link-secrets.repository';
import { syncDigestSchedulesInTransaction } from '@trellis/jobs';
import { type Actor, asStaff } from '../actor/actor';
import { AuditService } from '../audit/audit.service';
import { ProblemException, validationProblem } from '../http/problem.exception';
import { AccountLinksRepository, OpenLink } from './account-links.repository';
import { ClinicSettingsRepository } from './clinic-settings.repository';
import { hashPassword } from './password-hasher';
import { StaffAccountsRepository } from './staff-accounts.repository';

const LINK_NOT_VALID = 'This link is no longer valid. Ask for a new one.';

interface UsableLink {
  link: AuthToken;
  holder: StaffUser;
}

/** The link, if it is open and its holder is in the state it was sent for; else a 404 that says no more. */
function usable(open: OpenLink | null, purpose: AuthTokenPurpose): UsableLink {
  const expected = purpose === 'invitation' ? 'invited' : 'active';
  if (!open || !open.holder || open.holder.status !== expected) throw new NotFoundException(LINK_NOT_VALID);
  return { link: open.link, holder: open.holder };
}

/** Invitation acceptance and password reset: single-use, expiring, hashed links. */
function addressHasAnAccount(): ProblemException {
  return new ProblemException(
    HttpStatus.CONFLICT,
    'This email address already has a Trellis account, with another clinic. Sign in with it there; to join this clinic too, ask its administrator to invite a different address.',
  );
}

@Injectable()
export class AccountLinksService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly links: AccountLinksRepository,
    private readonly accounts: StaffAccountsRepository,
    private readonly clinics: ClinicSettingsRepository,
  ) {}

  async lookupInvitation(token: string): Promise<{ name: string; email: string; clinicName: string }> {
    const { holder } = await this.openLink(token, 'invitation');
    // Said before the invitee chooses a password (see usePasswordLink): they own the address.
    if (await this.accounts.emailIsAnotherAccount(this.dataSource.manager, holder.email, holder.id)) {
      throw addressHasAnAccount();
    }
    const clinicName = await this.clinics.nameOf(holder.clinicId);
    return { name: holder.name, email: holder.email, clinicName };
  }

  async lookupPasswordReset(token: string): Promise<{ name: string; email: string }> {
    const { holder } = await this.openLink(token, 'password_reset');
    return { name: holder.name, email: holder.email };
  }

  /** Sets the password, activates the person and uses up the link; returns who to sign in. */
  async acceptInvitation(token: string, password: string, actor: Actor): Promise<SessionUser> {
    return this.usePasswordLink(token, password, 'invitation', actor);
  }

  async confirmPasswordReset(token: string, password: string, actor: Actor): Promise<SessionUser> {
    return this.usePasswordLink(token, password, 'password_reset', actor);
  }

  private async usePasswordLink(
    token: string,
    password: string,
    purpose: AuthTokenPurpose,
    actor: Actor,
  ): Promise<SessionUser> {
    return this.dataSource.transaction(async (manager) => {
      const { link, holder: staff } = await this.lockOpenLink(manager, token, purpose);
      const problem = passwordProblem(password, staff);
      if (problem) throw validationProblem([{ field: 'password', message: problem }]);
      // The address is someone's account in another clinic (one address, one account): the
      // invitation stays open and unused. Only the invitee, who owns the address, hears why; the
      // inviting admin saw an invitation like any other.
      if (purpose === 'invitation' && (await this.accounts.emailIsAnotherAccount(manager, staff.email, staff.id))) {
        throw addressHasAnAccount();
      }
      const now = new Date();
      await this.links.markUsed(manager, link.id, now);
      try {
        await this.accounts.setPasswordAndActivate(
          manager,
          staff.id,
          await hashPassword(password),
          // A reset ends every other session at once (the guard refuses older sign-ins).
          purpose === 'password_reset' ? now : staff.sessionsValidAfter,
        );
      } catch (error) {
        // Two invitations to one address accepted at the same moment: the second meets the first.
        if ((error as { code?: string }).code === '23505') throw addressHasAnAccount();
        throw error;
      }
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
  private async openLink(token: string, purpose: AuthTokenPurpose): Promise<UsableLink> {
    return usable(
      await this.links.findOpen(await currentLinkHash(this.dataSource.manager, hashSecretToken(token)), purpose),
      purpose,
    );
  }

  /** The same, its row locked until the caller's transaction ends: a link is used at most once. */
  private async lockOpenLink(manager: EntityManager, token: string, purpose: AuthTokenPurpose): Promise<UsableLink> {
    return usable(
      await this.links.lockOpen(manager, await currentLinkHash(manager, hashSecretToken(token)), purpose),
      purpose,
    );
  }
}
