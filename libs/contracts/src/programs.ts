import type { AssignmentWarningCode } from '@trellis/domain';

/** Programs: a path of steps a couple walks together (issue 19, item 2). */
export const PROGRAM_STEP_KIND_VALUES = ['exercise', 'discuss', 'check_in'] as const;
export const OPENS_WHEN_VALUES = ['both_submitted', 'reviewed', 'after_sessions'] as const;
export const PROGRAM_STEP_STATUS_VALUES = ['pending', 'open', 'done', 'skipped'] as const;
export const ENROLMENT_STATUS_VALUES = ['active', 'paused', 'completed', 'stopped'] as const;
/** What a therapist may set an enrolment to: pause it, resume it, or stop it for good. */
export const ENROLMENT_CHANGE_VALUES = ['active', 'paused', 'stopped'] as const;

export interface ProgramStepView {
  title: string;
  kind: (typeof PROGRAM_STEP_KIND_VALUES)[number];
  /** The exercise an exercise step issues; null for a step discussed in session. */
  exerciseId: string | null;
  /** The measure a check-in step sends each partner once when it opens; null for other steps. */
  measureId: string | null;
  /** The measure's title, for showing the step (null when there is no measure). */
  measureTitle: string | null;
  /** What must have happened to the step before for this one to open (ignored for the first). */
  opensWhen: (typeof OPENS_WHEN_VALUES)[number];
  afterSessions: number | null;
  dueInDays: number;
}

export interface ProgramView {
  id: string;
  /** Built-in programs are read-only; a clinic builds its own. */
  builtIn: boolean;
  title: string;
  description: string;
  steps: ProgramStepView[];
  archived: boolean;
  createdAt: string;
  updatedAt: string;
}

/**
 * A clinical caution the assign dialog would give for a step's exercise and this couple
 * (`assignmentWarnings`): it never blocks, except that a coercion-sensitive step does not open on
 * its own while a safety concern is open.
 */
export interface ProgramStepWarning {
  code: AssignmentWarningCode;
  /** For the therapist, in plain words. */
  message: string;
}

export interface CoupleProgramStepView extends ProgramStepView {
  id: string;
  position: number;
  status: (typeof PROGRAM_STEP_STATUS_VALUES)[number];
  /** The homework the step opened, once it has. */
  assignmentId: string | null;
  openedAt: string | null;
  finishedAt: string | null;
  /**
   * For a step not yet open: the cautions that would apply if it opened now (an exercise of a
   * later phase than the couple's; a coercion-sensitive one while a safety concern is open; role
   * prompts while a partner's role is not set). Empty for other steps and for "discuss" steps.
   */
  warnings: ProgramStepWarning[];
  /**
   * For an open check-in step: where it stands for each partner, so the therapist sees which one
   * the step is waiting on and why (to skip it, or to fix what holds it). Empty for other steps.
   */
  checkIns: ProgramStepCheckInView[];
}

/** Why a partner's check-in for an open step has not been sent (beyond waiting for their quiet hours to end). */
export const PROGRAM_CHECK_IN_WAITING_REASON_VALUES = [
  'no_email_consent',
  'safety_pause',
  'couple_not_active',
] as const;

/** Where an open check-in step stands for one partner. */
export interface ProgramStepCheckInView {
  position: 1 | 2;
  /**
   * answered; sent (emailed, not answered yet); sending (on its way, perhaps after the partner's
   * quiet hours); waiting (held: see waitingReason). The step opens the next when both answered.
   */
  state: 'answered' | 'sent' | 'sending' | 'waiting';
  /** Set when state is waiting: sent when the partner agrees to email, or when the pause is lifted. */
  waitingReason: (typeof PROGRAM_CHECK_IN_WAITING_REASON_VALUES)[number] | null;
  /** For the therapist, in plain words: "Sam has not agreed to email, so the check-in was not sent." */
  message: string | null;
}

/** Where the couple is: the open step's number among the steps not skipped. */
export interface PathPositionView {
  step: number;
  total: number;
  title: string;
  nextTitle: string | null;
}

export interface CoupleProgramView {
  id: string;
  coupleId: string;
  programId: string;
  title: string;
  status: (typeof ENROLMENT_STATUS_VALUES)[number];
  createdAt: string;
  completedAt: string | null;
  current: PathPositionView | null;
  steps: CoupleProgramStepView[];
}

/** The couple's program, or null when it is on none. */
export interface CoupleProgramResponse {
  enrolment: CoupleProgramView | null;
}

/** After adding a step: the path, and the step added with the cautions that apply to it now. */
export interface AddedProgramStepResponse extends CoupleProgramResponse {
  added: {
    stepId: string;
    /** As the assign dialog gives them, whether the step is waiting or opened at once. */
    warnings: ProgramStepWarning[];
  };
}
