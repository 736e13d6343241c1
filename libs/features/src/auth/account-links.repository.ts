import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull, MoreThan } from 'typeorm';
import { AuthToken, AuthTokenPurpose, Clinic, StaffUser } from '@trellis/data';

/** An open link and the account it is for (null when that account is gone). */
export interface OpenLink {
  link: AuthToken;
  holder: StaffUser | null;
}

/**
 * Single-use account links (`auth_token`: invitations to accept, password resets), found by the
 * hash of their secret: where the auth feature's SQL on links lives. Writes, and the reads done
 * inside a change, take the caller's transaction.
 */
@Injectable()
export class AccountLinksRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The open (unused, unrevoked, unexpired) link with this hash, and who it is for. */
  findOpen(tokenHash: string, purpose: AuthTokenPurpose): Promise<OpenLink | null> {
    return this.openLink(this.dataSource.manager, tokenHash, purpose, false);
  }

  /** The same, the link's row locked until the caller's transaction ends: it is used at most once. */
  lockOpen(manager: EntityManager, tokenHash: string, purpose: AuthTokenPurpose): Promise<OpenLink | null> {
    return this.openLink(manager, tokenHash, purpose, true);
  }

  async markUsed(manager: EntityManager, linkId: string, usedAt: Date): Promise<void> {
    await manager.update(AuthToken, { id: linkId }, { usedAt });
  }

  /** Earlier reset links stop working when a new one is asked for. */
  async revokeOpenPasswordResets(manager: EntityManager, staffUserId: string): Promise<void> {
    await manager.update(
      AuthToken,
      { staffUserId, purpose: 'password_reset', usedAt: IsNull(), revokedAt: IsNull() },
      { revokedAt: new Date() },
    );
  }

  /** A reset link nobody created on the person's behalf: they asked for it themselves. */
  insertPasswordReset(manager: EntityManager, staffUserId: string, expiresAt: Date): Promise<AuthToken> {
    return manager.save(
      manager.create(AuthToken, { staffUserId, purpose: 'password_reset', expiresAt, createdBy: null }),
    );
  }

  private async openLink(
    manager: EntityManager,
    tokenHash: string,
    purpose: AuthTokenPurpose,
    lock: boolean,
  ): Promise<OpenLink | null> {
    const link = await manager.findOne(AuthToken, {
      where: { tokenHash, purpose, usedAt: IsNull(), revokedAt: IsNull(), expiresAt: MoreThan(new Date()) },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!link) return null;
    return { link, holder: await manager.findOneBy(StaffUser, { id: link.staffUserId }) };
  }

  /** What an invitation or reset email needs, inside the send's transaction: the link, its holder, their clinic's name. */
  async forEmail(
    manager: EntityManager,
    linkId: string,
  ): Promise<{
    link: AuthToken;
    holder: StaffUser | null;
    clinicName: string | null;
    inviterName: string | null;
  } | null> {
    const link = await manager.findOneBy(AuthToken, { id: linkId });
    if (!link) return null;
    const holder = await manager.findOneBy(StaffUser, { id: link.staffUserId });
    const clinic = holder ? await manager.findOneBy(Clinic, { id: holder.clinicId }) : null;
    const inviter =
      link.purpose === 'invitation' && link.createdBy
        ? await manager.findOneBy(StaffUser, { id: link.createdBy })
        : null;
    return { link, holder, clinicName: clinic?.name ?? null, inviterName: inviter?.name ?? null };
  }

  /** The hash of the link's new secret, minted at send time (a failed send rolls it back). */
  async storeSecretHash(manager: EntityManager, linkId: string, tokenHash: string): Promise<void> {
    await manager.update(AuthToken, { id: linkId }, { tokenHash });
  }
}
