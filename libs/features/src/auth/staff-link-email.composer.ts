import { EntityManager } from 'typeorm';
import { AuthToken, Clinic, EmailDelivery, mintSecretToken, StaffUser } from '@trellis/data';
import { renderPasswordReset } from './emails/password-reset.template';
import { renderStaffInvitation } from './emails/staff-invitation.template';
import type { ComposedEmail } from '../email/composed-email';

/**
 * Invitation and password-reset emails. The link's secret is minted here, at send time, and only
 * its hash is written (inside the delivery's transaction: a failed send rolls it back), so the raw
 * token never touches the outbox, Redis or logs.
 */
export async function composeStaffLinkEmail(
  delivery: EmailDelivery,
  manager: EntityManager,
  publicUrl: string,
): Promise<ComposedEmail | null> {
  const token = await manager.findOneBy(AuthToken, { id: delivery.subjectIds.tokenId });
  if (!token || token.usedAt || token.revokedAt || token.expiresAt.getTime() <= Date.now()) return null;
  const staff = await manager.findOneBy(StaffUser, { id: token.staffUserId });
  if (!staff || staff.clinicId !== delivery.clinicId) return null;
  const expectedStatus = token.purpose === 'invitation' ? 'invited' : 'active';
  if (staff.status !== expectedStatus) return null;
  const clinic = await manager.findOneByOrFail(Clinic, { id: staff.clinicId });

  const { token: secret, hash } = mintSecretToken();
  await manager.update(AuthToken, { id: token.id }, { tokenHash: hash });
  const minutesLeft = Math.max(1, Math.round((token.expiresAt.getTime() - Date.now()) / 60_000));

  if (token.purpose === 'invitation') {
    const inviter = token.createdBy ? await manager.findOneBy(StaffUser, { id: token.createdBy }) : null;
    return {
      to: staff.email,
      ...renderStaffInvitation({
        clinicName: clinic.name,
        inviteeName: staff.name,
        inviterName: inviter?.name ?? `${clinic.name}`,
        role: staff.role,
        acceptUrl: `${publicUrl}/#/accept-invitation?token=${secret}`,
        expiresInHours: Math.max(1, Math.round(minutesLeft / 60)),
      }),
    };
  }
  return {
    to: staff.email,
    ...renderPasswordReset({
      clinicName: clinic.name,
      name: staff.name,
      resetUrl: `${publicUrl}/#/reset-password?token=${secret}`,
      expiresInMinutes: minutesLeft,
    }),
  };
}
