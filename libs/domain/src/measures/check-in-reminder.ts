import { DEFAULT_QUIET_END_HOUR, DEFAULT_QUIET_START_HOUR, outOfQuietHours } from '../reminders/reminder-schedule';
import { CHECK_IN_LINK_LIFETIME_HOURS } from './check-in-sharing';

/** One nudge a day after a check-in went out, if it is still unanswered. */
export const CHECK_IN_REMINDER_AFTER_HOURS = 24;

const HOUR_MS = 60 * 60 * 1000;

/**
 * When to remind a partner of an unanswered check-in, or null when a reminder would be pointless:
 * a day after it was sent, moved out of their quiet hours, and only while the link still works
 * (at least an hour of it left) and, for a check-in about a session, before that session starts.
 * Pure; the worker re-checks that it is still unanswered when the reminder fires.
 */
export function planCheckInReminder(input: {
  sentAt: Date;
  timezone: string;
  /** The session a before-session check-in is about; null for any other check-in. */
  sessionBefore: Date | null;
}): Date | null {
  const sentMs = input.sentAt.getTime();
  const at = outOfQuietHours(sentMs + CHECK_IN_REMINDER_AFTER_HOURS * HOUR_MS, input.timezone, {
    start: DEFAULT_QUIET_START_HOUR,
    end: DEFAULT_QUIET_END_HOUR,
  });
  const linkEnds = sentMs + CHECK_IN_LINK_LIFETIME_HOURS * HOUR_MS;
  if (at > linkEnds - HOUR_MS) return null;
  if (input.sessionBefore && at >= input.sessionBefore.getTime() - HOUR_MS) return null;
  return new Date(at);
}
