import type { OffTrackCouple } from '@trellis/contracts';
import type { OffTrackReason } from '@trellis/domain';

/** Scores as the check-ins store them (two decimals at most), without trailing zeros. */
const score = (value: number): string => String(Number(value.toFixed(2)));

/** One reason in plain words, naming the partner ("Avery") rather than "partner 1". */
export function offTrackReasonText(reason: OffTrackReason, partnerNames: readonly string[]): string {
  const name = (partner: 1 | 2) => partnerNames[partner - 1] ?? `Partner ${partner}`;
  switch (reason.kind) {
    case 'worsening':
      return reason.basis === 'reliable_change'
        ? `${name(reason.partner)}’s check-ins are worse than at the start (${score(reason.from)} → ${score(reason.to)}), by more than chance`
        : `${name(reason.partner)}’s check-ins dropped over the last three (${score(reason.from)} → ${score(reason.to)})`;
    case 'widening_gap':
      return `The gap between them grew over the last three check-ins (${score(reason.from)} → ${score(reason.to)} points)`;
    case 'low_check_out':
      return `${name(reason.partner)}’s last session check-out was low (${score(reason.score)})`;
    case 'no_improvement':
      return `${name(reason.partner)} has not improved after ${reason.sessions} ${reason.sessions === 1 ? 'session' : 'sessions'} (${score(reason.from)} → ${score(reason.to)})`;
  }
}

/** Where the panel sends the therapist: the couple's Progress tab. */
export const progressLink = (coupleId: string): string => `/couples/${coupleId}/show/progress`;

/** The panel's rows: the couple, and why, one reason per sentence. */
export const offTrackItems = (couples: readonly OffTrackCouple[]) =>
  couples.map((couple) => ({
    key: couple.coupleId,
    to: progressLink(couple.coupleId),
    primary: couple.coupleName,
    secondary: `${couple.reasons.map((reason) => offTrackReasonText(reason, couple.partnerNames)).join('. ')}.`,
  }));
