import type { AgreementView, AgreementWeekAnswer } from '@trellis/contracts';
import type { AgreementReviewAnswer } from '@trellis/domain';

export const ANSWER_LABELS: Record<AgreementReviewAnswer, string> = {
  kept: 'Kept',
  mostly: 'Mostly',
  not_kept: 'Not kept',
};

/** One partner's cell in the grid: their answer, or that they have not answered. */
export const cellText = (cell: AgreementWeekAnswer | undefined): string =>
  cell?.answer ? ANSWER_LABELS[cell.answer] : 'No answer';

/** "Confirmed by Alex · waiting for Sam" for the current version. */
export const confirmationText = (agreement: AgreementView, nameOf: (clientId: string) => string): string => {
  const confirmed = agreement.confirmations.filter((c) => c.confirmedAt !== null).map((c) => nameOf(c.clientId));
  const waiting = agreement.confirmations.filter((c) => c.confirmedAt === null).map((c) => nameOf(c.clientId));
  if (!waiting.length) return 'Confirmed by both';
  if (!confirmed.length) return `Waiting for ${waiting.join(' and ')} to confirm`;
  return `Confirmed by ${confirmed.join(' and ')} · waiting for ${waiting.join(' and ')}`;
};
