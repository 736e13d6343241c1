import type { EntityManager } from 'typeorm';
import { EmailDelivery } from '@trellis/data';
import { CHECK_IN_LINK_LIFETIME_HOURS, firstName, partnerEmailEnvelope } from '@trellis/domain';
import type { LinkSecret } from '../email/link-secrets.repository';
import type { ComposedEmail } from '../email/composed-email';
import type { CheckInsRepository } from './check-ins.repository';
import { renderCheckInEmail } from './emails/check-in.template';

/**
 * A partner's check-in email. Like homework, the personal link is minted here, at send time, in
 * the delivery's transaction (only its hash is stored); nothing goes out for a check-in already
 * answered or gone (its schedule deleted), without email consent, or to a couple that is not active
 * (nor, for a program step's, to a partner holding a safety pause: lifting it sends it again);
 * a reminder (subjectIds.kind) replaces the link, keeps its expiry, and is silent once it expired.
 */
export async function composeCheckInEmail(
  delivery: EmailDelivery,
  manager: EntityManager,
  link: LinkSecret,
  publicUrl: string,
  checkIns: CheckInsRepository,
): Promise<ComposedEmail | null> {
  const checkInId = delivery.subjectIds.checkInId;
  if (!checkInId) return null;
  const facts = await checkIns.lockEmailFacts(manager, checkInId, delivery.clinicId);
  if (!facts || facts.submittedAt || !facts.emailConsent || facts.coupleStatus !== 'active') return null;
  // A program step's check-in to the partner who raised a safety pause waits for it to be lifted.
  if (facts.heldBySafetyPause) return null;
  const reminder = delivery.subjectIds.kind === 'reminder';
  // A reminder replaces the link but not its lifetime: a check-in is about its own week or session.
  const expiresAt = reminder
    ? facts.linkExpiresAt
    : new Date(Date.now() + CHECK_IN_LINK_LIFETIME_HOURS * 60 * 60 * 1000);
  if (!expiresAt || expiresAt.getTime() <= Date.now()) return null;
  const { token, hash } = link;
  await checkIns.storeLink(manager, facts.checkInId, hash, expiresAt);
  const rendered = renderCheckInEmail({
    clinicName: facts.clinicName,
    partnerFirstName: firstName(facts.clientName),
    therapistName: facts.therapistName,
    checkInUrl: `${publicUrl}/h/c/${token}`,
    reminder,
  });
  return {
    to: facts.clientEmail,
    ...rendered,
    ...partnerEmailEnvelope(rendered.subject, facts.neutralPartnerEmails),
  };
}
