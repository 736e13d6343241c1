/**
 * A program: an ordered path of steps a couple walks together. Each step after the first says what
 * must have happened to the step before it for it to open, because a couple is two people who must
 * both be ready: both partners finished it, the therapist reviewed it, or sessions were held since.
 */
export const PROGRAM_STEP_KINDS = ['exercise', 'discuss', 'check_in'] as const;
/**
 * An exercise is homework for both partners; "discuss" is talked through in a session, no homework;
 * "check_in" sends each partner a measure's check-in once when the step opens.
 */
export type ProgramStepKind = (typeof PROGRAM_STEP_KINDS)[number];

export const OPENS_WHEN = ['both_submitted', 'reviewed', 'after_sessions'] as const;
export type OpensWhen = (typeof OPENS_WHEN)[number];

export const OPENS_WHEN_LABELS: Record<OpensWhen, string> = {
  both_submitted: 'When both partners have finished the step before',
  reviewed: 'When the therapist has reviewed the step before',
  after_sessions: 'After a number of sessions',
};

export const MAX_PROGRAM_STEPS = 40;
export const MAX_AFTER_SESSIONS = 12;

/** A step as a program defines it; `exercise` is how the program names its exercise (a key or an id). */
export interface ProgramStepDefinition<ExerciseRef = string> {
  readonly title: string;
  readonly kind: ProgramStepKind;
  /** The exercise to issue (exercise steps only). */
  readonly exercise: ExerciseRef | null;
  /** The measure to send (check-in steps only); absent in steps stored before check-in steps existed. */
  readonly measure?: string | null;
  /** Ignored for the first step: it opens when the couple is enrolled. */
  readonly opensWhen: OpensWhen;
  /** For `after_sessions`: how many sessions held since the step before opened. */
  readonly afterSessions: number | null;
  /** Homework opened by this step is due this many days later. */
  readonly dueInDays: number;
}

export const PROGRAM_STEP_STATUSES = ['pending', 'open', 'done', 'skipped'] as const;
export type ProgramStepStatus = (typeof PROGRAM_STEP_STATUSES)[number];

export const ENROLMENT_STATUSES = ['active', 'paused', 'completed', 'stopped'] as const;
export type EnrolmentStatus = (typeof ENROLMENT_STATUSES)[number];

/** What the rule needs to know of one step of an enrolment. */
export interface StepProgress {
  readonly position: number;
  readonly status: ProgramStepStatus;
  readonly kind: ProgramStepKind;
  readonly opensWhen: OpensWhen;
  readonly afterSessions: number | null;
  /** The step's exercise could be used to control or pressure a partner (false for "discuss"). */
  readonly coercionSensitive: boolean;
}

/** What has happened to the open step since it opened. */
export interface OpenStepFacts {
  /**
   * Partners who submitted the step's homework (for a check-in step: answered its check-in), of
   * how many were given it (0 of 0 for "discuss").
   */
  readonly submitted: number;
  readonly partners: number;
  readonly reviewed: boolean;
  /** Sessions held (outcome recorded as held) that started after the step opened. */
  readonly sessionsHeld: number;
}

/** Why nothing may open, whatever the steps say. */
export interface AdvanceGate {
  readonly enrolmentStatus: EnrolmentStatus;
  readonly coupleStatus: 'active' | 'paused' | 'discharged';
  /** A partner raised a safety concern the therapist has not lifted: no new joint work. */
  readonly safetyPaused: boolean;
  /**
   * A safety concern is open (`openSafetyConcern`: the pause above, or, after it was lifted, a
   * partner's latest check-in that is still concerning): a coercion-sensitive step does not open.
   */
  readonly safetyConcernOpen: boolean;
}
