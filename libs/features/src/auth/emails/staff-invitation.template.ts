import { renderLayout } from '@trellis/mail';
import { RenderedEmail } from '@trellis/mail';

export interface StaffInvitationModel {
  clinicName: string;
  inviteeName: string;
  inviterName: string;
  role: 'admin' | 'therapist';
  acceptUrl: string;
  expiresInHours: number;
}

export function renderStaffInvitation(model: StaffInvitationModel): RenderedEmail {
  const roleLabel = model.role === 'admin' ? 'a clinic admin' : 'a therapist';
  const { html, text } = renderLayout({
    clinicName: model.clinicName,
    heading: `You're invited to ${model.clinicName} on Trellis`,
    paragraphs: [
      `Hi ${model.inviteeName},`,
      `${model.inviterName} has invited you to join ${model.clinicName} as ${roleLabel}.`,
      `Choose a password to finish setting up your account. This link works once and expires in ${model.expiresInHours} hours.`,
    ],
    action: { label: 'Set your password', url: model.acceptUrl },
    footer: 'If you were not expecting this invitation, you can ignore this email.',
  });
  return { subject: `Your invitation to ${model.clinicName} on Trellis`, html, text };
}
