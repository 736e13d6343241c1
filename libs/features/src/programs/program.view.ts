import type { CoupleProgramStepView, CoupleProgramView, ProgramStepView, ProgramView } from '@trellis/contracts';
import type { CoupleProgram, CoupleProgramStep, Program, StoredProgramStep } from '@trellis/data';
import { pathPosition } from '@trellis/domain';

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

function toCoupleStepView(step: CoupleProgramStep): CoupleProgramStepView {
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
  };
}

export function toCoupleProgramView(enrolment: CoupleProgram, steps: CoupleProgramStep[]): CoupleProgramView {
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
    steps: steps.map(toCoupleStepView),
  };
}
