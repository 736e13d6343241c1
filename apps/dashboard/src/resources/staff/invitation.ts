import type { StaffMemberDetail } from '@trellis/contracts';

export type PendingInvitation = NonNullable<StaffMemberDetail['invitation']>;

export type DateFormatter = (date: Date) => string;

const defaultFormat: DateFormatter = (date) =>
  new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(date);

export interface InvitationSummary {
  /** The link no longer works: resending is the only way in. */
  expired: boolean;
  text: string;
}

/** One sentence on where an invitation stands, for the person's page. */
export const describeInvitation = (
  invitation: PendingInvitation | null | undefined,
  now: Date = new Date(),
  format: DateFormatter = defaultFormat,
): InvitationSummary => {
  if (!invitation) {
    return { expired: true, text: 'There is no pending invitation. Resend it to email them a new link.' };
  }
  const expiresAt = new Date(invitation.expiresAt);
  if (expiresAt.getTime() <= now.getTime()) {
    return {
      expired: true,
      text: `The invitation link expired on ${format(expiresAt)}. Resend it to email them a new link.`,
    };
  }
  const until = `The link works until ${format(expiresAt)}.`;
  if (!invitation.sentAt) return { expired: false, text: `The invitation email is on its way. ${until}` };
  return { expired: false, text: `Invitation emailed on ${format(new Date(invitation.sentAt))}. ${until}` };
};
