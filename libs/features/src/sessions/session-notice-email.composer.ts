import type { EntityManager } from 'typeorm';
import type { EmailDelivery } from '@trellis/data';
import { firstName } from '@trellis/domain';
import type { ComposedEmail } from '../email/composed-email';
import { renderSessionNotice } from './emails/session-notice.template';
import { decodeVersions } from './session-notices';
import type { NoticeRecipient, SessionNoticesRepository } from './session-notices.repository';

/** Nothing goes to a partner without email consent, or while their couple is paused or discharged. */
function mayWrite(recipient: NoticeRecipient | null): recipient is NoticeRecipient {
  return Boolean(recipient?.emailConsent && recipient.coupleStatus === 'active');
}

/** The address in the configured sender ("Name <address>" or a bare address): the invitation's organizer. */
function senderAddress(from: string): string {
  return /<([^>]+)>\s*$/.exec(from)?.[1] ?? from.trim();
}

/**
 * A partner's invitation or cancellation, built from the sessions as they are now. A session whose
 * SEQUENCE moved on since the email was queued is left out (the newer email carries it); an
 * invitation leaves out sessions cancelled, held or already started, a cancellation those not
 * cancelled. Nothing left: the email is skipped.
 */
export async function composeSessionInvitationEmail(
  delivery: EmailDelivery,
  manager: EntityManager,
  mailFrom: string,
  notices: SessionNoticesRepository,
): Promise<ComposedEmail | null> {
  const { clientId, kind } = delivery.subjectIds;
  if (!clientId || (kind !== 'invitation' && kind !== 'cancellation')) return null;
  const recipient = await notices.recipient(manager, clientId, delivery.clinicId);
  if (!mayWrite(recipient)) return null;
  const versions = decodeVersions(delivery.subjectIds.sessions);
  const now = Date.now();
  const sessions = (await notices.sessions(manager, recipient.coupleId, [...versions.keys()])).filter(
    (s) =>
      versions.get(s.id) === s.sequence &&
      (kind === 'invitation' ? s.status === 'scheduled' && s.startsAt.getTime() > now : s.status === 'cancelled'),
  );
  if (!sessions.length) return null;
  return {
    to: recipient.email,
    ...renderSessionNotice({
      kind,
      clinicName: recipient.clinicName,
      partnerFirstName: firstName(recipient.name),
      partnerEmail: recipient.email,
      timeZone: recipient.timezone,
      sessions,
      neutral: recipient.neutralPartnerEmails,
      organizerEmail: senderAddress(mailFrom),
    }),
  };
}

/** The day-before reminder: only for a session still scheduled at the time it was planned for. */
export async function composeSessionReminderEmail(
  delivery: EmailDelivery,
  manager: EntityManager,
  mailFrom: string,
  notices: SessionNoticesRepository,
): Promise<ComposedEmail | null> {
  const { clientId, sessionId, startsAtMs } = delivery.subjectIds;
  if (!clientId || !sessionId || !startsAtMs) return null;
  const recipient = await notices.recipient(manager, clientId, delivery.clinicId);
  if (!mayWrite(recipient)) return null;
  const [session] = await notices.sessions(manager, recipient.coupleId, [sessionId]);
  if (
    !session ||
    session.status !== 'scheduled' ||
    String(session.startsAt.getTime()) !== startsAtMs ||
    session.startsAt.getTime() <= Date.now()
  )
    return null;
  return {
    to: recipient.email,
    ...renderSessionNotice({
      kind: 'reminder',
      clinicName: recipient.clinicName,
      partnerFirstName: firstName(recipient.name),
      partnerEmail: recipient.email,
      timeZone: recipient.timezone,
      sessions: [session],
      neutral: recipient.neutralPartnerEmails,
      organizerEmail: senderAddress(mailFrom),
    }),
  };
}
