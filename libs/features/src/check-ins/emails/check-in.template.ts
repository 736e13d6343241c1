import { renderLayout, type RenderedEmail } from '@trellis/mail';

export interface CheckInEmailModel {
  clinicName: string;
  partnerFirstName: string;
  therapistName: string;
  checkInUrl: string;
  /** The day-later nudge: its link replaces the first one. */
  reminder: boolean;
}

/**
 * "A short check-in is waiting": never the measure's name or its questions, since an inbox may be
 * read by someone else. The questions are behind the personal link.
 */
export function renderCheckInEmail(model: CheckInEmailModel): RenderedEmail {
  const { html, text } = renderLayout({
    clinicName: model.clinicName,
    heading: model.reminder ? 'Your check-in is still waiting' : 'A short check-in',
    paragraphs: [
      `Hi ${model.partnerFirstName},`,
      `${model.therapistName} would like to hear how things are going. It takes a minute or two, on your phone or computer.`,
      model.reminder
        ? 'Your answers go to your counselor. Here is your personal link; the one in the earlier email no longer works.'
        : 'Your answers go to your counselor. Here is your personal link; it works for three days.',
    ],
    action: { label: 'Start the check-in', url: model.checkInUrl },
    footer: 'This link is personal to you: please do not forward it.',
  });
  const subject = model.reminder ? `A reminder from ${model.clinicName}` : `A short check-in from ${model.clinicName}`;
  return { subject, html, text };
}
