import { Instant, toEpochMs } from '../shared/instant';
import { addLocalDays, fromLocalDateTime, isValidTimeZone, LocalDateTime, toLocalDateTime } from './timezone';

export const DEFAULT_REMINDER_OFFSETS_HOURS: readonly number[] = [48, 2];
export const DEFAULT_OVERDUE_NUDGE_HOURS = 24;
export const DEFAULT_QUIET_START_HOUR = 21;
export const DEFAULT_QUIET_END_HOUR = 8;

export type ReminderKind = 'before_due' | 'overdue';

export interface ReminderPlanInput {
  readonly dueAt: Instant;
  /** The partner's IANA time zone, e.g. "Pacific/Auckland". */
  readonly timezone: string;
  readonly now: Instant;
  /** Hours before dueAt; order and duplicates do not matter. Default [48, 2]. */
  readonly offsetsHours?: readonly number[];
  /** Hours after dueAt for one overdue nudge; null for none. Default 24. */
  readonly overdueNudgeHours?: number | null;
  /** Local hour (0–23) at which quiet time starts. Default 21. Equal start and end: no quiet time. */
  readonly quietStartHour?: number;
  /** Local hour (0–23) at which quiet time ends. Default 8. */
  readonly quietEndHour?: number;
}

export interface PlannedReminder {
  /**
   * Slot number, 1-based and stable for the same offsets: before-due reminders count from the
   * earliest (largest offset), the overdue nudge comes last. Dropping a slot does not renumber the
   * others, so `reminder:<responseId>:<n>` job ids stay the same when a plan is recomputed.
   */
  readonly n: number;
  readonly kind: ReminderKind;
  readonly sendAt: Date;
  /** Hours before (before_due) or after (overdue) the due time this slot was planned for. */
  readonly offsetHours: number;
}

const HOUR_MS = 60 * 60 * 1000;

/**
 * When to remind one partner about one assignment.
 *
 * Each slot's time is moved out of quiet hours to the next quiet-end hour, local to the partner.
 * Then slots are dropped when they are not strictly after `now`, when a before-due reminder would
 * land at or after the due time (it would announce a deadline that has passed), or when a slot
 * lands on the same instant as an earlier one. Pure and deterministic; throws RangeError for
 * invalid input (unknown zone, bad hours or offsets).
 */
export function planReminders(input: ReminderPlanInput): PlannedReminder[] {
  const {
    timezone,
    offsetsHours = DEFAULT_REMINDER_OFFSETS_HOURS,
    overdueNudgeHours = DEFAULT_OVERDUE_NUDGE_HOURS,
    quietStartHour = DEFAULT_QUIET_START_HOUR,
    quietEndHour = DEFAULT_QUIET_END_HOUR,
  } = input;
  const dueMs = toEpochMs(input.dueAt, 'dueAt');
  const nowMs = toEpochMs(input.now, 'now');
  if (!isValidTimeZone(timezone)) throw new RangeError(`Unknown time zone: ${String(timezone)}`);
  const hours = { quietStartHour, quietEndHour };
  for (const [name, hour] of Object.entries(hours)) {
    if (!Number.isInteger(hour) || hour < 0 || hour > 23) {
      throw new RangeError(`${name} must be a whole hour from 0 to 23: ${hour}`);
    }
  }
  for (const offset of offsetsHours) {
    if (!Number.isFinite(offset) || offset <= 0) {
      throw new RangeError(`offsetsHours must be positive numbers: ${offset}`);
    }
  }
  if (overdueNudgeHours !== null && (!Number.isFinite(overdueNudgeHours) || overdueNudgeHours <= 0)) {
    throw new RangeError(`overdueNudgeHours must be a positive number or null: ${overdueNudgeHours}`);
  }

  const quiet = { start: quietStartHour, end: quietEndHour };
  const slots: Array<Omit<PlannedReminder, 'sendAt'> & { atMs: number }> = [];
  const offsets = [...new Set(offsetsHours)].sort((a, b) => b - a);
  offsets.forEach((offsetHours, index) => {
    slots.push({ n: index + 1, kind: 'before_due', offsetHours, atMs: dueMs - offsetHours * HOUR_MS });
  });
  if (overdueNudgeHours !== null) {
    slots.push({
      n: offsets.length + 1,
      kind: 'overdue',
      offsetHours: overdueNudgeHours,
      atMs: dueMs + overdueNudgeHours * HOUR_MS,
    });
  }

  const planned: PlannedReminder[] = [];
  let lastMs = -Infinity;
  for (const { atMs, ...slot } of slots) {
    const sendMs = outOfQuietHours(atMs, timezone, quiet);
    if (sendMs <= nowMs) continue;
    if (slot.kind === 'before_due' && sendMs >= dueMs) continue;
    if (sendMs <= lastMs) continue;
    lastMs = sendMs;
    planned.push({ ...slot, sendAt: new Date(sendMs) });
  }
  return planned;
}

/** Whether a local hour falls into quiet time; the window may wrap past midnight (21 → 8). */
export function isQuietHour(hour: number, quiet: { start: number; end: number }): boolean {
  if (quiet.start === quiet.end) return false;
  return quiet.start < quiet.end ? hour >= quiet.start && hour < quiet.end : hour >= quiet.start || hour < quiet.end;
}

/** `epochMs` itself if it is outside quiet time in `timeZone`, else the next local `quiet.end`:00. */
export function outOfQuietHours(epochMs: number, timeZone: string, quiet: { start: number; end: number }): number {
  const local = toLocalDateTime(epochMs, timeZone);
  if (!isQuietHour(local.hour, quiet)) return epochMs;
  // Before midnight in a window that wraps, quiet time ends tomorrow; otherwise later today.
  const endsTomorrow = quiet.start > quiet.end && local.hour >= quiet.start;
  const endDay: LocalDateTime = endsTomorrow ? addLocalDays(local, 1) : local;
  return fromLocalDateTime({ ...endDay, hour: quiet.end, minute: 0, second: 0 }, timeZone);
}
