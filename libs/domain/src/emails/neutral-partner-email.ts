/**
 * The one place that decides what a partner's inbox shows when the clinic chose neutral emails.
 *
 * A partner's inbox may be seen by the other partner, a child or anyone with the phone. The
 * subject and the sender's name show in a notification or an inbox list without the email being
 * opened, so both must say nothing about therapy, counselling, homework, an exercise, or the
 * clinic (whose name often says "Counselling"). Even "A message from your counselor's office"
 * gives the game away, so the subject is generic and the sender name reads like any booking
 * system's. Both are fixed, not per clinic: a clinic-typed text could reintroduce the very words.
 */
export const NEUTRAL_PARTNER_EMAIL = {
  subject: 'A new message for you',
  senderName: 'Appointments',
} as const;

/** An email's subject and, when it should differ from the default, the sender's display name. */
export interface PartnerEmailEnvelope {
  subject: string;
  fromName?: string;
}

/**
 * The envelope a partner's email goes out under: the template's own subject (and the default
 * sender) normally, the neutral ones when the clinic turned neutral partner emails on.
 */
/** What a neutral email's body says: no clinic, counselor, exercise or homework; just a personal link. */
export interface NeutralPartnerEmailBody {
  heading: string;
  paragraphs: string[];
  actionLabel: string;
  footer: string;
}

/**
 * The body of every partner email when the clinic chose neutral emails. An opened email can be
 * read over a shoulder as easily as a subject line, so the body says no more than the envelope:
 * no clinic name, no therapist, no exercise title, no "homework".
 */
export function neutralPartnerEmailBody(partnerFirstName: string, dueLabel: string | null): NeutralPartnerEmailBody {
  return {
    heading: NEUTRAL_PARTNER_EMAIL.subject,
    paragraphs: [
      partnerFirstName ? `Hi ${partnerFirstName},` : 'Hello,',
      'There is something new waiting for you. Open it with your personal link below.',
      ...(dueLabel ? [`Please take a look by ${dueLabel}.`] : []),
    ],
    actionLabel: 'Open',
    footer: 'This link is personal to you: please do not forward it.',
  };
}

export function partnerEmailEnvelope(subject: string, neutral: boolean): PartnerEmailEnvelope {
  return neutral ? { subject: NEUTRAL_PARTNER_EMAIL.subject, fromName: NEUTRAL_PARTNER_EMAIL.senderName } : { subject };
}
