import { renderLayout, type RenderedEmail } from '@trellis/mail';

export interface AgreementReviewEmailModel {
  clinicName: string;
  partnerFirstName: string;
  therapistName: string;
  reviewUrl: string;
}

/**
 * "Your weekly check-in on your agreements": never an agreement's words, since an inbox may be read
 * by someone else. The agreements are behind the personal link.
 */
export function renderAgreementReviewEmail(model: AgreementReviewEmailModel): RenderedEmail {
  const { html, text } = renderLayout({
    clinicName: model.clinicName,
    heading: 'Your weekly check-in',
    paragraphs: [
      `Hi ${model.partnerFirstName},`,
      `${model.therapistName} asks how this week went. It takes about a minute, on your phone or computer.`,
      'Your answers go to your counselor. Here is your personal link; it works for six days.',
    ],
    action: { label: 'Start the check-in', url: model.reviewUrl },
    footer: 'This link is personal to you: please do not forward it.',
  });
  return { subject: `A weekly check-in from ${model.clinicName}`, html, text };
}
