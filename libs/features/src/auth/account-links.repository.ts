import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull, MoreThan } from 'typeorm';
import { AuthToken, AuthTokenPurpose, StaffUser } from '@trellis/data';

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
}
