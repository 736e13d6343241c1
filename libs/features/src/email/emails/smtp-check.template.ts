import { renderLayout } from '@trellis/mail';
import { RenderedEmail } from '@trellis/mail';

export interface SmtpCheckModel {
  clinicName: string;
  sentAt: Date;
}

/** A harmless message an admin can send to prove the mail path works end to end. */
export function renderSmtpCheck(model: SmtpCheckModel): RenderedEmail {
  const { html, text } = renderLayout({
    clinicName: model.clinicName,
    heading: 'Trellis can send email',
    paragraphs: [`This test message left Trellis at ${model.sentAt.toISOString()}. No action is needed.`],
  });
  return { subject: 'Trellis email check', html, text };
}
