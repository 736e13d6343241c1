import { EntityManager } from 'typeorm';
import { EmailDelivery } from '@trellis/data';
import type { AccountLinksRepository } from './account-links.repository';
import { renderPasswordReset } from './emails/password-reset.template';
import { renderStaffInvitation } from './emails/staff-invitation.template';
import type { LinkSecret } from '../email/link-secrets.repository';
import type { ComposedEmail } from '../email/composed-email';

/**
 * Invitation and password-reset emails. The link's secret is minted at send time (`link`) and only
 * its hash is written (inside the delivery's transaction: a failed send rolls it back; a resend
 * after a lost commit keeps the first email's link working, email/link-secrets.repository.ts), so
 * the raw token never touches the outbox, Redis or logs.
 */
export async function composeStaffLinkEmail(
  delivery: EmailDelivery,
  manager: EntityManager,
  link: LinkSecret,
  publicUrl: string,
  links: AccountLinksRepository,
): Promise<ComposedEmail | null> {
  const found = await links.forEmail(manager, delivery.subjectIds.tokenId);
  if (!found) return null;
  const { link: token, holder: staff, clinicName } = found;
  if (token.usedAt || token.revokedAt || token.expiresAt.getTime() <= Date.now()) return null;
  if (!staff || staff.clinicId !== delivery.clinicId || clinicName === null) return null;
  const expectedStatus = token.purpose === 'invitation' ? 'invited' : 'active';
  if (staff.status !== expectedStatus) return null;

  const { token: secret, hash } = link;
  await links.storeSecretHash(manager, token.id, hash);
  const minutesLeft = Math.max(1, Math.round((token.expiresAt.getTime() - Date.now()) / 60_000));

  if (token.purpose === 'invitation') {
    return {
      to: staff.email,
      ...renderStaffInvitation({
        clinicName,
        inviteeName: staff.name,
        inviterName: found.inviterName ?? clinicName,
        role: staff.role,
        acceptUrl: `${publicUrl}/#/accept-invitation?token=${secret}`,
        expiresInHours: Math.max(1, Math.round(minutesLeft / 60)),
      }),
    };
  }
  return {
    to: staff.email,
    ...renderPasswordReset({
      clinicName,
      name: staff.name,
      resetUrl: `${publicUrl}/#/reset-password?token=${secret}`,
      expiresInMinutes: minutesLeft,
    }),
  };
}
