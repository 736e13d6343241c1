import { renderLayout, type RenderedEmail } from '@trellis/mail';

export interface AgreementReviewEmailModel {
  clinicName: string;
  partnerFirstName: string;
  therapistName: string;
  reviewUrl: string;
  /** The day-later nudge: shorter, and its link replaces the first one. */
  reminder: boolean;
}

/**
 * "Your weekly check-in on your agreements": never an agreement's words, since an inbox may be read
 * by someone else. The agreements are behind the personal link.
 */
export function renderAgreementReviewEmail(model: AgreementReviewEmailModel): RenderedEmail {
  const { html, text } = renderLayout({
    clinicName: model.clinicName,
    heading: model.reminder ? 'Your weekly check-in is still open' : 'Your weekly check-in',
    paragraphs: model.reminder
      ? [
          `Hi ${model.partnerFirstName},`,
          'Just a gentle reminder: your weekly check-in is still open, whenever you have a minute.',
          'Here is your personal link; the one in the earlier email no longer works.',
        ]
      : [
          `Hi ${model.partnerFirstName},`,
          `${model.therapistName} asks how this week went. It takes about a minute, on your phone or computer.`,
          'Your answers go to your counselor. Here is your personal link; it works for six days.',
        ],
    action: { label: 'Start the check-in', url: model.reviewUrl },
    footer: 'This link is personal to you: please do not forward it.',
  });
  const subject = model.reminder
    ? `A reminder: your weekly check-in from ${model.clinicName}`
    : `A weekly check-in from ${model.clinicName}`;
  return { subject, html, text };
}
