import { type PlannedCheckIn, planNextCheckIn } from '@trellis/domain';
import type { Rhythm } from './agreements.repository';

const OCCURRENCE_PREFIX = 'week-';

/** `week-2026-12-07` (the job's key) → `2026-12-07` (the week's column). */
export const weekOfOccurrence = (occurrence: string): string => occurrence.slice(OCCURRENCE_PREFIX.length);

/**
 * The next weekly review for one partner, or null: the one place the API (upcoming) and the worker
 * (what it sends, and the re-check when a job fires) decide it. The weekly time is a wall-clock
 * time in the clinic's zone, so both partners' reviews are about the same week. A discharged couple
 * or a rhythm turned off plans nothing; a paused couple keeps its weekly beat, but each firing
 * sends nothing while it is paused (the job re-checks), so unpausing needs no re-plan.
 */
export function planReviewFor(
  rhythm: Rhythm | null,
  facts: { status: string; timezone: string; lastSentWeek: string | null },
  now: Date,
): PlannedCheckIn | null {
  if (!rhythm || facts.status === 'discharged') return null;
  return planNextCheckIn({
    schedule: { kind: 'weekly', weekday: rhythm.weekday, localTime: rhythm.localTime },
    timezone: facts.timezone,
    now,
    lastSentOccurrence: facts.lastSentWeek === null ? null : `${OCCURRENCE_PREFIX}${facts.lastSentWeek}`,
  });
}

/** The job that sends one partner one week's review: the same week always has the same id. */
export function agreementReviewJobId(clientId: string, occurrence: string): string {
  return `agreement-review-${clientId}-${occurrence}`;
}
