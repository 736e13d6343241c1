import type { EntityManager } from 'typeorm';
import { EmailDelivery } from '@trellis/data';
import {
  AGREEMENT_CONFIRMATION_LINK_LIFETIME_HOURS,
  agreementConfirmationWanted,
  firstName,
  partnerEmailEnvelope,
} from '@trellis/domain';
import type { LinkSecret } from '../email/link-secrets.repository';
import type { ComposedEmail } from '../email/composed-email';
import type { AgreementsRepository } from './agreements.repository';
import { renderAgreementConfirmationEmail } from './emails/agreement-confirmation.template';

/**
 * "Please confirm" an added or reworded agreement. The personal link (to the same page as the weekly
 * review, showing only what there is to confirm) is minted here, at send time, in the delivery's
 * transaction; only its hash is stored. Nothing goes out unless `agreementConfirmationWanted` says
 * so now: consent, an active couple, the partner not held by their own safety flag, the wording still current and unconfirmed.
 */
export async function composeAgreementConfirmationEmail(
  delivery: EmailDelivery,
  manager: EntityManager,
  link: LinkSecret,
  publicUrl: string,
  agreements: AgreementsRepository,
): Promise<ComposedEmail | null> {
  const requestId = delivery.subjectIds.agreementConfirmationId;
  if (!requestId) return null;
  const facts = await agreements.lockConfirmationEmailFacts(manager, requestId, delivery.clinicId);
  if (!facts || !agreementConfirmationWanted(facts)) return null;
  const { token, hash } = link;
  const expiresAt = new Date(Date.now() + AGREEMENT_CONFIRMATION_LINK_LIFETIME_HOURS * 60 * 60 * 1000);
  await agreements.storeConfirmationLink(manager, facts.requestId, hash, expiresAt);
  const rendered = renderAgreementConfirmationEmail({
    clinicName: facts.clinicName,
    partnerFirstName: firstName(facts.clientName),
    therapistName: facts.therapistName,
    confirmUrl: `${publicUrl}/h/a/${token}`,
  });
  return {
    to: facts.clientEmail,
    ...rendered,
    ...partnerEmailEnvelope(rendered.subject, facts.neutralPartnerEmails),
  };
}
