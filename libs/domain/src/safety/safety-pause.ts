/**
 * A safety pause: one partner said a joint exercise does not feel safe, or answered the private
 * check-in in a way that needs the counselor. While it is open, answers stop being shared between
 * the partners (see `partnerAnswersVisibleTo`) and no new joint homework can be assigned, until
 * the therapist records what was done and lifts it. The other partner is never told.
 */
export const SAFETY_PAUSE_SOURCES = ['partner_flag', 'check_in'] as const;
export type SafetyPauseSource = (typeof SAFETY_PAUSE_SOURCES)[number];

/** What the therapist writes when lifting a pause: short, but never empty. */
export const SAFETY_NOTE_MAX_LENGTH = 4000;

/** Check-in intervals a clinic may choose, in days (null: the clinic sends no check-ins). */
export const SAFETY_CHECK_IN_INTERVAL_MIN_DAYS = 7;
export const SAFETY_CHECK_IN_INTERVAL_MAX_DAYS = 180;

/** Days a partner has to answer a check-in before it counts as overdue (reminders follow it). */
export const SAFETY_CHECK_IN_ANSWER_DAYS = 3;

const DAY_MS = 24 * 3600 * 1000;

/**
 * Whether a couple is due its next private safety check-in: the first as soon as work with the
 * couple starts (no check-in yet), then one every `intervalDays` after the last was sent. Off
 * (null) sends none.
 */
export function safetyCheckInDue(lastSentAt: Date | null, intervalDays: number | null, now: Date): boolean {
  if (intervalDays === null) return false;
  if (lastSentAt === null) return true;
  return now.getTime() - lastSentAt.getTime() >= intervalDays * DAY_MS;
}
