import { type CheckInSchedule, type IsoWeekday, type PlannedCheckIn, planNextCheckIn } from '@trellis/domain';
import type { CheckInScheduleKind } from '@trellis/contracts';

/** A schedule as stored: the columns its kind uses are set, the others null (the table checks it). */
export interface StoredSchedule {
  kind: CheckInScheduleKind;
  hours: number | null;
  weekday: number | null;
  localTime: string | null;
  onceAt: Date | null;
}

/** What planning one partner's next check-in needs to know about the couple and the partner. */
export interface PlanningFacts {
  coupleStatus: string;
  nextSessionAt: Date | null;
  /** The last session that started, held or still scheduled (lastSessionSql): what a check-out is about. */
  lastSessionAt: Date | null;
  timezone: string;
  lastSentOccurrence: string | null;
}

export function toCheckInSchedule(stored: StoredSchedule): CheckInSchedule {
  switch (stored.kind) {
    case 'before_session':
      return { kind: 'before_session', hoursBefore: Number(stored.hours) };
    case 'after_session':
      return { kind: 'after_session', hoursAfter: Number(stored.hours) };
    case 'weekly':
      return { kind: 'weekly', weekday: Number(stored.weekday) as IsoWeekday, localTime: String(stored.localTime) };
    case 'once':
      return { kind: 'once', at: stored.onceAt as Date };
  }
}

/**
 * The next check-in for one partner on one schedule, or null. The one place the API (what the
 * therapist sees as upcoming) and the worker (what it sends, and the re-check when a job fires)
 * decide it: a couple that is not active gets nothing, whatever the schedule says.
 */
export function planCheckInFor(stored: StoredSchedule, facts: PlanningFacts, now: Date): PlannedCheckIn | null {
  if (facts.coupleStatus !== 'active') return null;
  return planNextCheckIn({
    schedule: toCheckInSchedule(stored),
    timezone: facts.timezone,
    now,
    sessionAt: facts.nextSessionAt,
    lastSessionAt: facts.lastSessionAt,
    lastSentOccurrence: facts.lastSentOccurrence,
  });
}
