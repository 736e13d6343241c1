import { renderLayout, type RenderedEmail } from '@trellis/mail';

export interface AgreementConfirmationEmailModel {
  clinicName: string;
  partnerFirstName: string;
  therapistName: string;
  confirmUrl: string;
}

/**
 * "There is something to confirm": never the agreement's words, since an inbox may be read by
 * someone else. The wording is behind the personal link.
 */
export function renderAgreementConfirmationEmail(model: AgreementConfirmationEmailModel): RenderedEmail {
  const { html, text } = renderLayout({
    clinicName: model.clinicName,
    heading: 'Something to confirm',
    paragraphs: [
      `Hi ${model.partnerFirstName},`,
      `${model.therapistName} has written something down from your sessions and asks you to look at it and confirm it if it is right for you. It takes a moment, on your phone or computer.`,
      'What you confirm goes to your counselor. Here is your personal link; it works for seven days.',
    ],
    action: { label: 'Look and confirm', url: model.confirmUrl },
    footer: 'This link is personal to you: please do not forward it.',
  });
  return { subject: `Something to confirm from ${model.clinicName}`, html, text };
}
