import { hasRolePrompts, type PartnerRole } from './partner-roles';

/**
 * The phases of recovery after a breach of trust, in order (after the three stages of Snyder,
 * Baucom and Gordon, with rebuilding split from moving on): first the shock and its impact, then
 * understanding how it came about, then rebuilding day to day, then moving on together or apart.
 * Every exercise belongs to one; a couple's therapist says which one the couple is in.
 */
export const EXERCISE_PHASES = ['crisis_and_impact', 'understanding', 'rebuilding', 'moving_on'] as const;
export type ExercisePhase = (typeof EXERCISE_PHASES)[number];

export const EXERCISE_PHASE_LABELS: Record<ExercisePhase, string> = {
  crisis_and_impact: 'Crisis and impact',
  understanding: 'Understanding',
  rebuilding: 'Rebuilding',
  moving_on: 'Moving on',
};

export function isExercisePhase(value: unknown): value is ExercisePhase {
  return typeof value === 'string' && (EXERCISE_PHASES as readonly string[]).includes(value);
}

export function phaseRank(phase: ExercisePhase): number {
  return EXERCISE_PHASES.indexOf(phase);
}

/** What the assign dialog knows about the exercise it is about to assign. */
export interface AssignmentWarningExercise {
  readonly phase: ExercisePhase | null;
  readonly coercionSensitive: boolean;
  readonly prompts: readonly { readonly forRole?: unknown }[];
}

/** What it knows about the couple. */
export interface AssignmentWarningCouple {
  /** The phase the therapist set on the couple; null when not set. */
  readonly phase: ExercisePhase | null;
  readonly partnerRoles: readonly PartnerRole[];
  /**
   * A safety concern is open for the couple (a partner said they do not feel safe, or the
   * therapist recorded one). Callers pass false only when they know of none.
   */
  readonly safetyConcernOpen: boolean;
}

export type AssignmentWarningCode = 'later_phase' | 'coercion_sensitive_while_unsafe' | 'roles_not_set';

export interface AssignmentWarning {
  readonly code: AssignmentWarningCode;
  /** For the therapist, in plain words. */
  readonly message: string;
}

/**
 * An exercise that could be used to control or pressure a partner, while a safety concern is open:
 * the assign dialog cautions, and a program does not open such a step on its own
 * (`nextProgramMove`).
 */
export function coercionSensitiveWhileUnsafe(
  exercise: Pick<AssignmentWarningExercise, 'coercionSensitive'>,
  couple: Pick<AssignmentWarningCouple, 'safetyConcernOpen'>,
): boolean {
  return exercise.coercionSensitive && couple.safetyConcernOpen;
}

/**
 * Clinical cautions before assigning: they do not block (the therapist decides), they make sure the
 * choice is made knowingly.
 * - an exercise from a later phase than the couple's (looking back or forgiveness while the hurt is
 *   still raw asks too much too soon);
 * - an exercise that could become a tool of control (agreements, openness, talking at home without
 *   the therapist) while a safety concern is open;
 * - an exercise with prompts for one role while a partner's role is not set (that partner would see
 *   only the common prompts).
 */
export function assignmentWarnings(
  exercise: AssignmentWarningExercise,
  couple: AssignmentWarningCouple,
): AssignmentWarning[] {
  const warnings: AssignmentWarning[] = [];
  if (exercise.phase && couple.phase && phaseRank(exercise.phase) > phaseRank(couple.phase)) {
    warnings.push({
      code: 'later_phase',
      message:
        `This exercise belongs to the "${EXERCISE_PHASE_LABELS[exercise.phase]}" phase, and this couple is ` +
        `in "${EXERCISE_PHASE_LABELS[couple.phase]}". Asking for it too early can add pressure.`,
    });
  }
  if (coercionSensitiveWhileUnsafe(exercise, couple)) {
    warnings.push({
      code: 'coercion_sensitive_while_unsafe',
      message:
        'A safety concern is open for this couple. This exercise could be used to control or pressure a ' +
        'partner; consider waiting until you have seen each partner on their own.',
    });
  }
  if (hasRolePrompts(exercise.prompts) && couple.partnerRoles.some((role) => role === 'not_set')) {
    warnings.push({
      code: 'roles_not_set',
      message:
        'Some questions in this exercise are written for the partner who was hurt or the partner who broke ' +
        'trust. Set both partners’ roles on the couple first, or a partner without a role sees only the ' +
        'common questions.',
    });
  }
  return warnings;
}
