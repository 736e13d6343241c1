import type { EntityManager } from 'typeorm';
import { EmailDelivery } from '@trellis/data';
import {
  AGREEMENT_REVIEW_LINK_LIFETIME_HOURS,
  agreementReviewReminderWanted,
  firstName,
  partnerEmailEnvelope,
} from '@trellis/domain';
import type { LinkSecret } from '../email/link-secrets.repository';
import type { ComposedEmail } from '../email/composed-email';
import type { AgreementsRepository } from './agreements.repository';
import { renderAgreementReviewEmail } from './emails/agreement-review.template';

/**
 * A partner's weekly agreement review. The personal link is minted here, at send time, in the
 * delivery's transaction (only its hash is stored). Nothing goes out for a review already sent
 * back, without email consent, to a couple that is not active, or to a partner who said they feel unsafe while that pause is open.
 * The day-later reminder (subjectIds.kind) goes only as `agreementReviewReminderWanted` says (the
 * first email went out and its link still works); it replaces the link and keeps its expiry.
 */
export async function composeAgreementReviewEmail(
  delivery: EmailDelivery,
  manager: EntityManager,
  link: LinkSecret,
  publicUrl: string,
  agreements: AgreementsRepository,
): Promise<ComposedEmail | null> {
  const requestId = delivery.subjectIds.agreementReviewId;
  if (!requestId) return null;
  const facts = await agreements.lockEmailFacts(manager, requestId, delivery.clinicId);
  if (!facts || facts.submittedAt || !facts.emailConsent || facts.coupleStatus !== 'active' || facts.flaggedUnsafe)
    return null;
  const reminder = delivery.subjectIds.kind === 'reminder';
  if (reminder && !agreementReviewReminderWanted({ ...facts, now: new Date() })) return null;
  const { token, hash } = link;
  // A reminder replaces the link but not its lifetime: the review is about its own week.
  const expiresAt =
    reminder && facts.linkExpiresAt
      ? facts.linkExpiresAt
      : new Date(Date.now() + AGREEMENT_REVIEW_LINK_LIFETIME_HOURS * 60 * 60 * 1000);
  await agreements.storeLink(manager, facts.requestId, hash, expiresAt);
  const rendered = renderAgreementReviewEmail({
    clinicName: facts.clinicName,
    partnerFirstName: firstName(facts.clientName),
    therapistName: facts.therapistName,
    reviewUrl: `${publicUrl}/h/a/${token}`,
    reminder,
  });
  return {
    to: facts.clientEmail,
    ...rendered,
    ...partnerEmailEnvelope(rendered.subject, facts.neutralPartnerEmails),
  };
}
