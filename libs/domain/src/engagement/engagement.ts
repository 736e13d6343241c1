import { type Instant, toEpochMs, toOptionalEpochMs } from '../shared/instant';

/** One partner's response to one assignment, as the engagement rule reads it. */
export interface PartnerAssignmentRecord {
  /** Breaks ties between assignments due at the same moment (compared as text, as PostgreSQL orders uuids). */
  readonly id: string;
  /** Only homework counts towards on-time and misses; a safety check-in or the like does not. */
  readonly kind: string;
  readonly cancelled: boolean;
  readonly dueAt: Instant;
  readonly submittedAt: Instant | null;
  /** The partner's touches of it: link opened, answers started, last saved (any kind, cancelled or not). */
  readonly openedAt: Instant | null;
  readonly startedAt: Instant | null;
  readonly savedAt: Instant | null;
}

/** How one partner keeps up with homework. */
export interface PartnerEngagement {
  /** Homework settled (due, or submitted early) among the last `window`, newest due date first. */
  readonly counted: number;
  /** Of those, not submitted by the due date. */
  readonly missed: number;
  /** (counted − missed) / counted; null with nothing settled yet. */
  readonly onTimeRate: number | null;
  /** Misses since the last homework submitted on time (over all their homework, not just the window). */
  readonly missedInARow: number;
  /** Their latest touch of any homework link (opened, started, saved, submitted); null if never. */
  readonly lastActiveAt: string | null;
  /** Whole days from lastActiveAt to now; null if never active. */
  readonly daysSinceActive: number | null;
}

/** "On time over the last N": the last four, so a digest can say "missed 3 of the last 4". */
export const ENGAGEMENT_WINDOW = 4;

const DAY_MS = 24 * 3600 * 1000;

/**
 * A partner's engagement with their homework at `now`. A miss is homework (not cancelled) whose
 * due date has passed without a submission by then; a late submission is still a miss. Homework
 * submitted before its due date counts as on time at once; homework not yet due and not submitted
 * does not count either way. Settled homework is ordered by due date (then id). Pure; the SQL twin
 * is `engagementJoin` in libs/features/src/engagement/engagement.sql.ts.
 */
export function partnerEngagement(
  records: readonly PartnerAssignmentRecord[],
  now: Instant,
  window: number = ENGAGEMENT_WINDOW,
): PartnerEngagement {
  if (!Number.isInteger(window) || window < 1) throw new RangeError(`window must be a whole number ≥ 1: ${window}`);
  const nowMs = toEpochMs(now, 'now');
  const settled = records
    .filter((r) => r.kind === 'homework' && !r.cancelled)
    .map((r) => {
      const due = toEpochMs(r.dueAt, 'dueAt');
      const submitted = toOptionalEpochMs(r.submittedAt, 'submittedAt');
      return { id: r.id, due, submitted, onTime: submitted !== null && submitted <= due };
    })
    .filter((r) => r.due <= nowMs || r.submitted !== null)
    // Newest first: the window and the run of misses both start from the latest due date.
    .sort((a, b) => b.due - a.due || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));

  const recent = settled.slice(0, window);
  const missed = recent.filter((r) => !r.onTime).length;
  const firstOnTime = settled.findIndex((r) => r.onTime);
  const touches = records.flatMap((r) =>
    [r.openedAt, r.startedAt, r.savedAt, r.submittedAt].flatMap((at) =>
      at === null ? [] : [toEpochMs(at, 'activity')],
    ),
  );
  const last = touches.length ? Math.max(...touches) : null;
  return {
    counted: recent.length,
    missed,
    onTimeRate: recent.length ? (recent.length - missed) / recent.length : null,
    missedInARow: firstOnTime === -1 ? settled.length : firstOnTime,
    lastActiveAt: last === null ? null : new Date(last).toISOString(),
    daysSinceActive: last === null ? null : Math.floor((nowMs - last) / DAY_MS),
  };
}

/** The clinic's engagement choices; 0 turns one off. */
export interface EngagementSettings {
  /** From this many misses in a row, the partner's reminders use the gentler, shorter wording. */
  readonly gentleReminderAfterMisses: number;
  /** From this many misses in a row, the therapist gets a "check in with …" task and the digest names them. */
  readonly engagementTaskAfterMisses: number;
}

export const DEFAULT_ENGAGEMENT_SETTINGS: EngagementSettings = {
  gentleReminderAfterMisses: 2,
  engagementTaskAfterMisses: 3,
};

/** The most misses in a row a clinic can wait for before acting. */
export const ENGAGEMENT_SETTING_MAX = 20;

/** Whether this partner's next reminder should be the gentle one. */
export function wantsGentleReminder(missedInARow: number, settings: EngagementSettings): boolean {
  return settings.gentleReminderAfterMisses > 0 && missedInARow >= settings.gentleReminderAfterMisses;
}

/** Whether the therapist should check in with this partner. */
export function needsCheckIn(missedInARow: number, settings: EngagementSettings): boolean {
  return settings.engagementTaskAfterMisses > 0 && missedInARow >= settings.engagementTaskAfterMisses;
}

/**
 * One partner in a sentence, for the digest: "Jordan missed 3 of the last 4", "Priya did all",
 * "Sam has had nothing due yet". Counts only: nothing the partner wrote.
 */
export function engagementPhrase(firstName: string, engagement: Pick<PartnerEngagement, 'counted' | 'missed'>): string {
  if (engagement.counted === 0) return `${firstName} has had nothing due yet`;
  if (engagement.missed === 0) return `${firstName} did all`;
  return `${firstName} missed ${engagement.missed} of the last ${engagement.counted}`;
}
