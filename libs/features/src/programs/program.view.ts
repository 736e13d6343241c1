import type {
  CoupleProgramStepView,
  CoupleProgramView,
  ProgramStepCheckInView,
  ProgramStepView,
  ProgramStepWarning,
  ProgramView,
} from '@trellis/contracts';
import type { CoupleProgram, CoupleProgramStep, Program, StoredProgramStep } from '@trellis/data';
import { assignmentWarnings, firstName, pathPosition } from '@trellis/domain';
import type { CheckInStepPartner, CoupleGate, StepExercise } from './programs.repository';

/** Measure titles by id, for check-in steps. */
export type MeasureTitles = ReadonlyMap<string, string>;

const measureTitle = (id: string | null | undefined, titles: MeasureTitles) => (id ? (titles.get(id) ?? null) : null);

export function toStepView(step: StoredProgramStep, titles: MeasureTitles = new Map()): ProgramStepView {
  return {
    title: step.title,
    kind: step.kind,
    exerciseId: step.exercise,
    measureId: step.measure ?? null,
    measureTitle: measureTitle(step.measure, titles),
    opensWhen: step.opensWhen,
    afterSessions: step.afterSessions,
    dueInDays: step.dueInDays,
  };
}

/** The measures a program's check-in steps name. */
export const programMeasureIds = (program: Program): string[] =>
  program.steps.flatMap((s) => (s.measure ? [s.measure] : []));

export function toProgramView(program: Program, titles: MeasureTitles = new Map()): ProgramView {
  return {
    id: program.id,
    builtIn: program.clinicId === null,
    title: program.title,
    description: program.description,
    steps: program.steps.map((step) => toStepView(step, titles)),
    archived: program.archivedAt !== null,
    createdAt: program.createdAt.toISOString(),
    updatedAt: program.updatedAt.toISOString(),
  };
}

/** What the cautions of a couple's path are computed from, read once for the whole path. */
export interface PathCautionFacts {
  readonly couple: Pick<CoupleGate, 'phase' | 'partnerRoles' | 'safetyConcernOpen'>;
  /** Each exercise step's exercise, by step id. */
  readonly exercises: ReadonlyMap<string, StepExercise>;
  /** Titles of the measures check-in steps name. */
  readonly measureTitles?: MeasureTitles;
  /** Each partner's side of the open step, when it is a check-in step. */
  readonly openCheckIn?: readonly CheckInStepPartner[];
}

/**
 * Where an open check-in step stands for one partner, in the order the send and the email decide
 * it: answered, emailed, or held — by the couple not being active, the partner not having agreed to
 * email, or a safety pause they raised — else on its way (after their quiet hours). Names the
 * partner for the therapist; says nothing of any answer.
 */
export function checkInStepPartnerView(partner: CheckInStepPartner): ProgramStepCheckInView {
  const base = { position: partner.position, waitingReason: null, message: null };
  if (partner.answered) return { ...base, state: 'answered' };
  if (partner.emailed) return { ...base, state: 'sent' };
  const name = firstName(partner.name);
  if (partner.coupleStatus !== 'active')
    return {
      ...base,
      state: 'waiting',
      waitingReason: 'couple_not_active',
      message: `The couple is not active, so ${name}'s check-in was not sent.`,
    };
  if (!partner.emailConsent)
    return {
      ...base,
      state: 'waiting',
      waitingReason: 'no_email_consent',
      message: `${name} has not agreed to email, so the check-in was not sent. It goes out when they agree.`,
    };
  if (partner.heldBySafetyPause)
    return {
      ...base,
      state: 'waiting',
      waitingReason: 'safety_pause',
      message: `${name}'s check-in is held while the safety pause they raised is open. It goes out when it is lifted.`,
    };
  return { ...base, state: 'sending' };
}

/**
 * The assign dialog's cautions (`assignmentWarnings`, the one rule) for a step's exercise and the
 * couple as it is now; none for a "discuss" step.
 */
export function stepWarnings(step: Pick<CoupleProgramStep, 'id'>, facts: PathCautionFacts): ProgramStepWarning[] {
  const exercise = facts.exercises.get(step.id);
  return exercise ? assignmentWarnings(exercise, facts.couple).map(({ code, message }) => ({ code, message })) : [];
}

function toCoupleStepView(step: CoupleProgramStep, facts: PathCautionFacts): CoupleProgramStepView {
  return {
    id: step.id,
    position: step.position,
    title: step.title,
    kind: step.kind,
    exerciseId: step.exerciseId,
    measureId: step.measureId,
    measureTitle: measureTitle(step.measureId, facts.measureTitles ?? new Map()),
    opensWhen: step.opensWhen,
    afterSessions: step.afterSessions,
    dueInDays: step.dueInDays,
    status: step.status,
    assignmentId: step.assignmentId,
    openedAt: step.openedAt?.toISOString() ?? null,
    finishedAt: step.finishedAt?.toISOString() ?? null,
    // Only a step still to come: what would apply if it opened now.
    warnings: step.status === 'pending' ? stepWarnings(step, facts) : [],
    checkIns:
      step.status === 'open' && step.kind === 'check_in' ? (facts.openCheckIn ?? []).map(checkInStepPartnerView) : [],
  };
}

export function toCoupleProgramView(
  enrolment: CoupleProgram,
  steps: CoupleProgramStep[],
  facts: PathCautionFacts,
): CoupleProgramView {
  const open = steps.find((s) => s.status === 'open');
  const position = open ? pathPosition(steps, open.position) : null;
  return {
    id: enrolment.id,
    coupleId: enrolment.coupleId,
    programId: enrolment.programId,
    title: enrolment.title,
    status: enrolment.status,
    createdAt: enrolment.createdAt.toISOString(),
    completedAt: enrolment.completedAt?.toISOString() ?? null,
    current: open && position ? { ...position, title: open.title } : null,
    steps: steps.map((step) => toCoupleStepView(step, facts)),
  };
}
