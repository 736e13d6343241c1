import { renderLayout } from '@trellis/mail';
import { RenderedEmail } from '@trellis/mail';

export interface PasswordResetModel {
  clinicName: string;
  name: string;
  resetUrl: string;
  expiresInMinutes: number;
}

export function renderPasswordReset(model: PasswordResetModel): RenderedEmail {
  const { html, text } = renderLayout({
    clinicName: model.clinicName,
    heading: 'Reset your Trellis password',
    paragraphs: [
      `Hi ${model.name},`,
      `Someone asked to reset the password for your Trellis account. If it was you, choose a new password below. The link works once and expires in ${model.expiresInMinutes} minutes.`,
      'Setting a new password signs you out everywhere else.',
    ],
    action: { label: 'Choose a new password', url: model.resetUrl },
    footer: 'If you did not ask for this, you can ignore this email: your password stays the same.',
  });
  return { subject: 'Reset your Trellis password', html, text };
}
