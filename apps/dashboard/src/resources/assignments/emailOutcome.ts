import type { AssignmentSummary, PartnerProgress } from '@trellis/contracts';
import type { HomeworkEmailState } from '@trellis/domain';

/** What the therapist is told about a partner's link email: only what the send ledger shows. */
export const EMAIL_STATE_LABELS: Record<HomeworkEmailState, string> = {
  sending: 'emailed their link (on its way)',
  sent: 'emailed their link',
  no_consent: 'not emailed — no consent to email',
  failed: 'email failed',
  not_sent: 'not emailed',
};

/** "Alex: emailed their link (on its way); Sam: not emailed — no consent to email". */
export const partnerEmailSummary = (
  partners: readonly Pick<PartnerProgress, 'name' | 'position' | 'email'>[],
): string =>
  [...partners]
    .sort((a, b) => a.position - b.position)
    .map((p) => `${p.name}: ${EMAIL_STATE_LABELS[p.email]}`)
    .join('; ');

export interface AssignOutcome {
  coupleId: string;
  summary: string;
  /** Partners whose link waits for their consent to email (sent as soon as it is recorded). */
  waitingForConsent: string[];
}

/** One line per couple just given homework, and who is waiting for consent. */
export const assignOutcomes = (assignments: readonly AssignmentSummary[]): AssignOutcome[] =>
  assignments.map((a) => ({
    coupleId: a.coupleId,
    summary: partnerEmailSummary(a.partners),
    waitingForConsent: a.partners.filter((p) => p.email === 'no_consent').map((p) => p.name),
  }));
