import { renderLayout, type RenderedEmail } from '@trellis/mail';

export interface CheckInEmailModel {
  clinicName: string;
  partnerFirstName: string;
  therapistName: string;
  checkInUrl: string;
}

/**
 * "A short check-in is waiting": never the measure's name or its questions, since an inbox may be
 * read by someone else. The questions are behind the personal link.
 */
export function renderCheckInEmail(model: CheckInEmailModel): RenderedEmail {
  const { html, text } = renderLayout({
    clinicName: model.clinicName,
    heading: 'A short check-in',
    paragraphs: [
      `Hi ${model.partnerFirstName},`,
      `${model.therapistName} would like to hear how things are going. It takes a minute or two, on your phone or computer.`,
      'Your answers go to your counselor. Here is your personal link; it works for three days.',
    ],
    action: { label: 'Start the check-in', url: model.checkInUrl },
    footer: 'This link is personal to you: please do not forward it.',
  });
  return { subject: `A short check-in from ${model.clinicName}`, html, text };
}
