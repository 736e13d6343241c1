import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { AuthToken, EmailDelivery } from '@trellis/data';

export interface NewInvitation {
  staffUserId: string;
  expiresAt: Date;
  /** The admin who invited. */
  createdBy: string;
}

/** The invitation a person has not accepted yet, as their staff page shows it. */
export interface PendingInvitation {
  expiresAt: Date;
  /** Null until the worker has sent its email. */
  sentAt: Date | null;
}

/** The idempotency key of an invitation's email: queued with the link, read back to show when it went out. */
export function invitationEmailKey(tokenId: string): string {
  return `staff-invitation-${tokenId}`;
}

/**
 * Invitation links (`auth_token` rows with purpose `invitation`) and when their email went out:
 * where the staff feature's SQL on invitations lives. Writes take the caller's transaction, so a
 * link commits with the person and the email it belongs to.
 */
@Injectable()
export class InvitationsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  insert(manager: EntityManager, invitation: NewInvitation): Promise<AuthToken> {
    return manager.save(manager.create(AuthToken, { ...invitation, purpose: 'invitation' }));
  }

  /** Every link of this person that is still open stops working; used and revoked ones stay as they are. */
  async revokeOpenLinks(manager: EntityManager, staffUserId: string): Promise<void> {
    await manager.update(AuthToken, { staffUserId, usedAt: IsNull(), revokedAt: IsNull() }, { revokedAt: new Date() });
  }

  async deleteAllLinks(manager: EntityManager, staffUserId: string): Promise<void> {
    await manager.delete(AuthToken, { staffUserId });
  }

  /** The newest open invitation of this person and when its email went out, or null. */
  async findPending(staffUserId: string): Promise<PendingInvitation | null> {
    const token = await this.dataSource.getRepository(AuthToken).findOne({
      where: { staffUserId, purpose: 'invitation', usedAt: IsNull(), revokedAt: IsNull() },
      order: { createdAt: 'DESC' },
    });
    if (!token) return null;
    const delivery = await this.dataSource
      .getRepository(EmailDelivery)
      .findOneBy({ idempotencyKey: invitationEmailKey(token.id) });
    return { expiresAt: token.expiresAt, sentAt: delivery?.sentAt ?? null };
  }
}
