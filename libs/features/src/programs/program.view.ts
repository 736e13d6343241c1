import type {
  CoupleProgramStepView,
  CoupleProgramView,
  ProgramStepView,
  ProgramStepWarning,
  ProgramView,
} from '@trellis/contracts';
import type { CoupleProgram, CoupleProgramStep, Program, StoredProgramStep } from '@trellis/data';
import { assignmentWarnings, pathPosition } from '@trellis/domain';
import type { CoupleGate, StepExercise } from './programs.repository';

export function toStepView(step: StoredProgramStep): ProgramStepView {
  return {
    title: step.title,
    kind: step.kind,
    exerciseId: step.exercise,
    opensWhen: step.opensWhen,
    afterSessions: step.afterSessions,
    dueInDays: step.dueInDays,
  };
}

export function toProgramView(program: Program): ProgramView {
  return {
    id: program.id,
    builtIn: program.clinicId === null,
    title: program.title,
    description: program.description,
    steps: program.steps.map(toStepView),
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
    opensWhen: step.opensWhen,
    afterSessions: step.afterSessions,
    dueInDays: step.dueInDays,
    status: step.status,
    assignmentId: step.assignmentId,
    openedAt: step.openedAt?.toISOString() ?? null,
    finishedAt: step.finishedAt?.toISOString() ?? null,
    // Only a step still to come: what would apply if it opened now.
    warnings: step.status === 'pending' ? stepWarnings(step, facts) : [],
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
