import { partnerAnswersUnsealed } from '../exercises/prompt-audience';

/** How long a check-in link works after it is sent: long enough for a busy week, short enough to mean this one. */
export const CHECK_IN_LINK_LIFETIME_HOURS = 72;

/** One scored check-in of one partner, as their own trend shows it. */
export interface CheckInScorePoint {
  readonly occurrence: string;
  readonly submittedAt: Date;
  readonly score: number | null;
}

/**
 * The other partner's check-in scores one partner may see: only for occurrences both of them
 * answered, and only when the therapist allowed sharing on the schedule, and never newly while a
 * safety pause is open. The same seal as homework answers (partnerAnswersUnsealed), applied
 * occurrence by occurrence.
 */
export function partnerScoresVisibleTo(question: {
  readonly sharesWithPartner: boolean;
  /** When the couple's open safety pause began (null: none): required, so no caller forgets it. */
  readonly sharingPausedSince: Date | null;
  readonly mine: readonly CheckInScorePoint[];
  readonly partner: readonly CheckInScorePoint[];
}): CheckInScorePoint[] {
  const mySubmittedAt = new Map(question.mine.map((point) => [point.occurrence, point.submittedAt]));
  return question.partner.filter((point) =>
    partnerAnswersUnsealed({
      sharesAnswersAfterBoth: question.sharesWithPartner,
      mySubmittedAt: mySubmittedAt.get(point.occurrence) ?? null,
      partnerSubmittedAt: point.submittedAt,
      sharingPausedSince: question.sharingPausedSince,
    }),
  );
}
