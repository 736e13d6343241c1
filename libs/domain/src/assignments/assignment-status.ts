import { Instant, toEpochMs, toOptionalEpochMs } from '../shared/instant';

export const ASSIGNMENT_STATUSES = [
  'cancelled',
  'assigned',
  'in_progress',
  'partly_submitted',
  'completed',
  'reviewed',
] as const;
export type AssignmentStatus = (typeof ASSIGNMENT_STATUSES)[number];

/** Statuses in which the couple can still work on the homework (and reminders still make sense). */
export const OPEN_ASSIGNMENT_STATUSES: readonly AssignmentStatus[] = ['assigned', 'in_progress', 'partly_submitted'];

export interface ResponseTimestamps {
  /** First time the partner saved anything (draft or submit). */
  readonly startedAt?: Instant | null;
  readonly submittedAt?: Instant | null;
}

export interface AssignmentTimestamps {
  /** null: no due date, never overdue. */
  readonly dueAt: Instant | null;
  readonly cancelledAt?: Instant | null;
  readonly reviewedAt?: Instant | null;
  /** One per partner (normally two). */
  readonly responses: readonly ResponseTimestamps[];
}

export interface DerivedAssignmentStatus {
  readonly status: AssignmentStatus;
  /** Past the due date and still open (not completed, reviewed or cancelled). */
  readonly overdue: boolean;
}

/**
 * What every list of homework counts (caseload, home screen, digests): each is a function of the
 * status alone, plus the due date for overdue. `assignment-state.sql.ts` in the assignments
 * feature is the SQL twin of this file; `assignment-state.e2e-spec.ts` runs the same cases
 * through both and fails when they disagree.
 */
export interface AssignmentState extends DerivedAssignmentStatus {
  /** The couple can still work on it: assigned, in progress or partly submitted. */
  readonly open: boolean;
  /** Both partners submitted and the therapist has not reviewed it yet. */
  readonly awaitingReview: boolean;
  /** When the last partner submitted, once every partner has (whether reviewed or not); else null. */
  readonly completedAt: Instant | null;
}

/**
 * Derives an assignment's status from its timestamps. Precedence: cancelled, then reviewed (a
 * therapist may review even if one partner never submitted), then completed (every response
 * submitted), partly_submitted (some), in_progress (any started), assigned.
 *
 * Timestamps are taken as facts whatever `now` says (no "as of" replay), so a little clock skew
 * between the database and the app cannot make a submitted response look unsubmitted. `now` only
 * decides overdue, which starts strictly after dueAt: handing in at the due minute is on time.
 */
export function deriveAssignmentStatus(assignment: AssignmentTimestamps, now: Instant): DerivedAssignmentStatus {
  const nowMs = toEpochMs(now, 'now');
  const dueMs = toOptionalEpochMs(assignment.dueAt, 'dueAt');
  const status = statusOf(assignment);
  const open = OPEN_ASSIGNMENT_STATUSES.includes(status);
  return { status, overdue: open && dueMs !== null && nowMs > dueMs };
}

/** The status and every count-relevant fact derived from it, in one call. */
export function deriveAssignmentState(assignment: AssignmentTimestamps, now: Instant): AssignmentState {
  const derived = deriveAssignmentStatus(assignment, now);
  return {
    ...derived,
    open: OPEN_ASSIGNMENT_STATUSES.includes(derived.status),
    awaitingReview: derived.status === 'completed',
    completedAt: completedAtOf(assignment.responses),
  };
}

function completedAtOf(responses: readonly ResponseTimestamps[]): Instant | null {
  if (responses.length === 0) return null;
  let latest: Instant | null = null;
  for (const response of responses) {
    const submittedMs = toOptionalEpochMs(response.submittedAt, 'submittedAt');
    if (submittedMs === null) return null;
    if (latest === null || submittedMs > toEpochMs(latest, 'submittedAt')) latest = response.submittedAt as Instant;
  }
  return latest;
}

/**
 * One partner's part is still open: they have not submitted, and the homework is open (neither
 * cancelled nor reviewed). Reminders and fresh links are only for open parts.
 */
export function isResponseOpen(assignment: AssignmentTimestamps, response: ResponseTimestamps): boolean {
  return deriveResponseStatus(response) !== 'submitted' && OPEN_ASSIGNMENT_STATUSES.includes(statusOf(assignment));
}

function statusOf(assignment: AssignmentTimestamps): AssignmentStatus {
  if (isSet(assignment.cancelledAt, 'cancelledAt')) return 'cancelled';
  if (isSet(assignment.reviewedAt, 'reviewedAt')) return 'reviewed';
  const statuses = assignment.responses.map(deriveResponseStatus);
  const submitted = statuses.filter((status) => status === 'submitted').length;
  if (statuses.length > 0 && submitted === statuses.length) return 'completed';
  if (submitted > 0) return 'partly_submitted';
  if (statuses.includes('draft')) return 'in_progress';
  return 'assigned';
}

export type ResponseStatus = 'not_started' | 'draft' | 'submitted';

/** One partner's progress on an assignment. */
export function deriveResponseStatus(response: ResponseTimestamps): ResponseStatus {
  if (isSet(response.submittedAt, 'submittedAt')) return 'submitted';
  return isSet(response.startedAt, 'startedAt') ? 'draft' : 'not_started';
}

/** Set and a valid time; an unparseable timestamp throws rather than being silently ignored. */
function isSet(value: Instant | null | undefined, field: string): boolean {
  return toOptionalEpochMs(value, field) !== null;
}
