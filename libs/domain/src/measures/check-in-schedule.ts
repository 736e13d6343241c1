import { type Instant, toEpochMs, toOptionalEpochMs } from '../shared/instant';
import {
  DEFAULT_QUIET_END_HOUR,
  DEFAULT_QUIET_START_HOUR,
  isQuietHour,
  outOfQuietHours,
} from '../reminders/reminder-schedule';
import {
  addLocalDays,
  fromLocalDateTime,
  isValidTimeZone,
  type LocalDateTime,
  toLocalDateTime,
} from '../reminders/timezone';

/** ISO weekday: 1 is Monday, 7 is Sunday. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/**
 * When a couple's check-ins go out. Session-based schedules follow the couple's sessions (the
 * next one; for the check-out, the one just held once it has started), so moving a session moves
 * its check-in and cancelling it cancels it.
 */
export type CheckInSchedule =
  /** A set number of hours before each session. */
  | { readonly kind: 'before_session'; readonly hoursBefore: number }
  /**
   * The session check-out: a set number of hours after each session starts (its length plus a
   * little). About the session just held, still sent after the next one is booked.
   */
  | { readonly kind: 'after_session'; readonly hoursAfter: number }
  /** Every week on one weekday at a local time ("HH:MM"), in the partner's own time zone. */
  | { readonly kind: 'weekly'; readonly weekday: IsoWeekday; readonly localTime: string }
  /** One check-in at a given instant. */
  | { readonly kind: 'once'; readonly at: Instant };

export const CHECK_IN_SCHEDULE_KINDS = ['before_session', 'after_session', 'weekly', 'once'] as const;

/** How long after its planned time a check-in that did not go out (worker down) is still sent. */
export const DEFAULT_CHECK_IN_GRACE_HOURS = 12;

export interface CheckInPlanInput {
  readonly schedule: CheckInSchedule;
  /** The partner's IANA time zone: weekly times and quiet hours are theirs. */
  readonly timezone: string;
  readonly now: Instant;
  /** The couple's next session (a before-session check-in is about it); null: none planned. */
  readonly sessionAt?: Instant | null;
  /**
   * The couple's last session that has started, held or still scheduled (not cancelled, not a
   * no-show): see `lastSessionStart`. The check-out is about it once it has started, even when a
   * later session is next by then; null or absent: none.
   */
  readonly lastSessionAt?: Instant | null;
  /** The occurrence key of the last check-in already sent on this schedule, if any. */
  readonly lastSentOccurrence?: string | null;
  readonly quietStartHour?: number;
  readonly quietEndHour?: number;
  readonly graceHours?: number;
}

export interface PlannedCheckIn {
  readonly sendAt: Date;
  /**
   * Names the occurrence, stable while its inputs stay the same (`session-<ms>`, `week-2026-12-07`,
   * `once`): the idempotency key of its job and email, with no ':' (job ids cannot have one). A
   * moved session gets a new key, so its old job is replaced, not sent twice.
   */
  readonly occurrence: string;
}

const HOUR_MS = 60 * 60 * 1000;
const LOCAL_TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/**
 * The next check-in to send for one partner on one schedule, or null when there is none to plan
 * (no session, the occurrence was already sent, or it is too late for it to mean anything).
 *
 * Every send time is moved out of the partner's quiet hours, as reminders are, except that a
 * before-session check-in must still arrive before the session: when the end of quiet time is too
 * late it goes the evening before, an hour before quiet time starts. A planned time that has
 * passed without being sent goes out now if it is within the grace period (a before-session one
 * only while its session has not started; a check-out after its session started, whatever is next). Weekly times are wall-clock times in the partner's zone,
 * so they stay at 09:00 across daylight-saving changes (a time the change skips moves forward by
 * the gap, one it repeats takes the first). Pure; throws RangeError for invalid input.
 */
export function planNextCheckIn(input: CheckInPlanInput): PlannedCheckIn | null {
  const { schedule, timezone } = input;
  const nowMs = toEpochMs(input.now, 'now');
  if (!isValidTimeZone(timezone)) throw new RangeError(`Unknown time zone: ${String(timezone)}`);
  const quiet = {
    start: input.quietStartHour ?? DEFAULT_QUIET_START_HOUR,
    end: input.quietEndHour ?? DEFAULT_QUIET_END_HOUR,
  };
  for (const [name, hour] of Object.entries(quiet)) {
    if (!Number.isInteger(hour) || hour < 0 || hour > 23)
      throw new RangeError(`quiet ${name} must be an hour 0–23: ${hour}`);
  }
  const graceMs = (input.graceHours ?? DEFAULT_CHECK_IN_GRACE_HOURS) * HOUR_MS;
  if (!Number.isFinite(graceMs) || graceMs < 0)
    throw new RangeError(`graceHours must be 0 or more: ${input.graceHours}`);
  const ctx: Context = { nowMs, timezone, quiet, graceMs, lastSent: input.lastSentOccurrence ?? null };

  switch (schedule.kind) {
    case 'before_session':
      return beforeSession(ctx, positiveHours(schedule.hoursBefore, 'hoursBefore'), sessionMs(input));
    case 'after_session':
      return afterSession(
        ctx,
        positiveHours(schedule.hoursAfter, 'hoursAfter'),
        toOptionalEpochMs(input.lastSessionAt, 'lastSessionAt'),
        sessionMs(input),
      );
    case 'weekly':
      return weekly(ctx, schedule.weekday, schedule.localTime);
    case 'once':
      return once(ctx, toEpochMs(schedule.at, 'at'));
  }
}

interface Context {
  nowMs: number;
  timezone: string;
  quiet: { start: number; end: number };
  graceMs: number;
  lastSent: string | null;
}

function positiveHours(hours: number, name: string): number {
  if (!Number.isFinite(hours) || hours <= 0 || hours > 24 * 14) {
    throw new RangeError(`${name} must be more than 0 and at most two weeks of hours: ${hours}`);
  }
  return hours;
}

function sessionMs(input: CheckInPlanInput): number | null {
  return input.sessionAt === null || input.sessionAt === undefined ? null : toEpochMs(input.sessionAt, 'sessionAt');
}

function planned(sendMs: number, occurrence: string): PlannedCheckIn {
  return { sendAt: new Date(sendMs), occurrence };
}

/**
 * The planned time, out of quiet hours; if it has passed unsent, now (out of quiet hours) while
 * within the grace period; otherwise null.
 */
function dueOrLate(ctx: Context, atMs: number): number | null {
  if (atMs > ctx.nowMs) return outOfQuietHours(atMs, ctx.timezone, ctx.quiet);
  if (ctx.nowMs - atMs > ctx.graceMs) return null;
  return outOfQuietHours(ctx.nowMs, ctx.timezone, ctx.quiet);
}

/** The instant, in the partner's zone, an hour before the quiet time that `epochMs` falls in began. */
function hourBeforeQuietStarted(epochMs: number, ctx: Context): number {
  const local = toLocalDateTime(epochMs, ctx.timezone);
  // In a window that wraps midnight (21 → 8), the early-morning part began the evening before.
  const beganYesterday = ctx.quiet.start > ctx.quiet.end && local.hour < ctx.quiet.end;
  const day: LocalDateTime = beganYesterday ? addLocalDays(local, -1) : local;
  return fromLocalDateTime({ ...day, hour: ctx.quiet.start - 1, minute: 0, second: 0 }, ctx.timezone);
}

function beforeSession(ctx: Context, hoursBefore: number, session: number | null): PlannedCheckIn | null {
  if (session === null || session <= ctx.nowMs) return null;
  const occurrence = `session-${session}`;
  if (ctx.lastSent === occurrence) return null;
  const atMs = session - hoursBefore * HOUR_MS;
  // Late but the session is still ahead: there is no grace limit, the answers are still useful.
  const sendMs = outOfQuietHours(Math.max(atMs, ctx.nowMs), ctx.timezone, ctx.quiet);
  if (sendMs < session) return planned(sendMs, occurrence);
  // Quiet time ends too late: the evening before instead, if that is still ahead.
  const evening = hourBeforeQuietStarted(Math.max(atMs, ctx.nowMs), ctx);
  if (
    evening > ctx.nowMs &&
    evening < session &&
    !isQuietHour(toLocalDateTime(evening, ctx.timezone).hour, ctx.quiet)
  ) {
    return planned(evening, occurrence);
  }
  return null;
}

/**
 * The check-out belongs to the session it follows: the last one that started, while its check-out
 * is unsent and still timely (planned ahead, or late within the grace period), even though a later
 * session is next by then (a session rolls on to the next as soon as it ends, often before its
 * check-out is due). Otherwise the next session's, planned ahead of it.
 */
function afterSession(
  ctx: Context,
  hoursAfter: number,
  last: number | null,
  next: number | null,
): PlannedCheckIn | null {
  const started = last !== null && last <= ctx.nowMs ? last : null;
  for (const session of [started, next]) {
    if (session === null) continue;
    const occurrence = `session-${session}`;
    if (ctx.lastSent === occurrence) continue;
    const sendMs = dueOrLate(ctx, session + hoursAfter * HOUR_MS);
    if (sendMs !== null) return planned(sendMs, occurrence);
  }
  return null;
}

function weekly(ctx: Context, weekday: IsoWeekday, localTime: string): PlannedCheckIn | null {
  const match = LOCAL_TIME.exec(localTime);
  if (!match) throw new RangeError(`localTime must be HH:MM (00:00–23:59): ${localTime}`);
  if (!Number.isInteger(weekday) || weekday < 1 || weekday > 7) throw new RangeError(`weekday must be 1–7: ${weekday}`);
  const hour = Number(match[1]);
  const minute = Number(match[2]);
  const today = toLocalDateTime(ctx.nowMs, ctx.timezone);
  // The most recent occurrence on or before today's local date, then the ones after it.
  const daysBack = (isoWeekday(today) - weekday + 7) % 7;
  let day = addLocalDays(today, -daysBack);
  for (let i = 0; i < 3; i++, day = addLocalDays(day, 7)) {
    const atMs = fromLocalDateTime({ ...day, hour, minute, second: 0 }, ctx.timezone);
    const occurrence = `week-${localDateKey(day)}`;
    if (occurrence === ctx.lastSent) continue;
    if (atMs <= ctx.nowMs && ctx.nowMs - atMs > ctx.graceMs) continue;
    const sendMs = dueOrLate(ctx, atMs);
    if (sendMs !== null) return planned(sendMs, occurrence);
  }
  return null;
}

function once(ctx: Context, atMs: number): PlannedCheckIn | null {
  if (ctx.lastSent === 'once') return null;
  const sendMs = dueOrLate(ctx, atMs);
  return sendMs === null ? null : planned(sendMs, 'once');
}

function isoWeekday(local: LocalDateTime): IsoWeekday {
  const day = new Date(Date.UTC(local.year, local.month - 1, local.day)).getUTCDay();
  return (day === 0 ? 7 : day) as IsoWeekday;
}

function localDateKey(local: LocalDateTime): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${local.year}-${pad(local.month)}-${pad(local.day)}`;
}
