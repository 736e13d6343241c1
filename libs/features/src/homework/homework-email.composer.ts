import { EntityManager } from 'typeorm';
import type { EmailTemplateName } from '@trellis/contracts';
import { EmailDelivery } from '@trellis/data';
import {
  firstName,
  formatDueLabel,
  NEUTRAL_PARTNER_EMAIL,
  neutralPartnerEmailBody,
  partnerEmailEnvelope,
} from '@trellis/domain';
import { renderLayout, type RenderedEmail } from '@trellis/mail';
import { renderHomeworkEmail, renderHomeworkReminder } from './emails/homework-assigned.template';
import { renderHomeworkReply } from './emails/homework-reply.template';
import type { LinkSecret } from '../email/link-secrets.repository';
import type { ComposedEmail } from '../email/composed-email';
import type { HomeworkEmailFacts } from './homework-facts.sql';
import type { HomeworkEmailRepository } from './homework-email.repository';

/** Renders a homework email for `facts` with the personal link carrying `token`. */
export function renderHomeworkFacts(
  facts: HomeworkEmailFacts,
  template: EmailTemplateName,
  kind: string | undefined,
  token: string,
  publicUrl: string,
): ComposedEmail {
  const common = {
    clinicName: facts.clinic_name,
    partnerFirstName: firstName(facts.client_name),
    therapistName: facts.therapist_name,
    exerciseTitle: facts.title,
    dueLabel: formatDueLabel(facts.due_at, facts.client_timezone),
    homeworkUrl: `${publicUrl}/h/${token}`,
  };
  const rendered =
    template === 'homework-reminder'
      ? renderHomeworkReminder({
          ...common,
          overdue: kind === 'overdue',
          replacesEarlierLink: facts.had_link,
          gentle: facts.gentle_reminder,
        })
      : // A "fresh link" to someone who never had one (their consent came later) is their first email.
        renderHomeworkEmail({
          ...common,
          message: facts.message,
          isFreshLink: template === 'homework-link' && facts.had_link,
        });
  return toPartner(facts, rendered, { url: common.homeworkUrl, dueLabel: common.dueLabel });
}

/**
 * Every email to a partner goes through here: the clinic's neutral-emails choice applies to all of
 * them, to the envelope and (since an opened email is read over a shoulder as easily) the body:
 * no clinic name, therapist, exercise title or "homework" heading, only the personal link.
 */
function toPartner(
  facts: HomeworkEmailFacts,
  rendered: RenderedEmail,
  link: { url: string; dueLabel: string | null },
): ComposedEmail {
  const envelope = partnerEmailEnvelope(rendered.subject, facts.neutral_partner_emails);
  if (!facts.neutral_partner_emails) return { to: facts.client_email, ...rendered, ...envelope };
  const body = neutralPartnerEmailBody(firstName(facts.client_name), link.dueLabel);
  const { html, text } = renderLayout({
    clinicName: NEUTRAL_PARTNER_EMAIL.senderName,
    heading: body.heading,
    paragraphs: body.paragraphs,
    action: { label: body.actionLabel, url: link.url },
    footer: body.footer,
  });
  return { to: facts.client_email, ...envelope, subject: envelope.subject, html, text };
}

/**
 * A partner's homework email. The personal link (`link`, minted for this send attempt) is stored
 * here, inside the delivery's transaction: a new link replaces (and so invalidates) any earlier
 * one, only its hash is stored (a resend after a lost commit keeps the first email's link working:
 * email/link-secrets.repository.ts), and nothing goes out for submitted or cancelled homework or without email consent.
 */
export async function composeHomeworkEmail(
  delivery: EmailDelivery,
  manager: EntityManager,
  link: LinkSecret,
  publicUrl: string,
  emails: HomeworkEmailRepository,
): Promise<ComposedEmail | null> {
  const facts = await emails.lockFactsForSend(
    manager,
    delivery.subjectIds.responseId,
    delivery.clinicId,
    delivery.subjectIds.dueAtMs ?? null,
  );
  if (!facts || facts.submitted_at || facts.cancelled_at) return null;
  // Reviewed homework, a paused couple, a revoked link (the therapist meant it; an explicit resend
  // still works) or a moved due date: a reminder stays silent.
  if (delivery.template === 'homework-reminder' && !facts.reminder_wanted) return null;
  // A fresh link the partner asked for never lifts a revocation made since (the therapist's does).
  if (delivery.subjectIds.requestedBy === 'partner' && facts.link_revoked_at) return null;
  if (!facts.email_consent || facts.couple_status === 'discharged') return null;

  const { token, hash } = link;
  await emails.storeLink(manager, facts.response_id, hash, facts.link_expires_at);
  return renderHomeworkFacts(facts, delivery.template, delivery.subjectIds.kind, token, publicUrl);
}

/**
 * Tells a partner the therapist replied on their homework (submitted or not). Like every homework
 * email it mints the personal link at send time; it stays silent for cancelled homework, a link the
 * therapist revoked (only their own resend lifts that), without email consent, for a discharged
 * couple, or when the comment is not on this partner's homework.
 */
export async function composeHomeworkReplyEmail(
  delivery: EmailDelivery,
  manager: EntityManager,
  link: LinkSecret,
  publicUrl: string,
  emails: HomeworkEmailRepository,
): Promise<ComposedEmail | null> {
  const { responseId, commentId } = delivery.subjectIds;
  if (!responseId || !commentId) return null;
  const facts = await emails.lockReplyFactsForSend(manager, responseId, delivery.clinicId, commentId);
  if (!facts || facts.cancelled_at || facts.link_revoked_at) return null;
  if (!facts.email_consent || facts.couple_status === 'discharged') return null;

  const { token, hash } = link;
  await emails.storeLink(manager, facts.response_id, hash, facts.reply_link_expires_at);
  const homeworkUrl = `${publicUrl}/h/${token}`;
  return toPartner(
    facts,
    renderHomeworkReply({
      clinicName: facts.clinic_name,
      partnerFirstName: firstName(facts.client_name),
      therapistName: facts.therapist_name,
      homeworkUrl,
    }),
    { url: homeworkUrl, dueLabel: null },
  );
}
