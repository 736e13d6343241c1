import { BUILT_IN_EXERCISES, getBuiltInExercise } from '../exercises/catalog';
import { CRISIS_STAGE_EXERCISES } from '../exercises/catalog/crisis-stage';
import { EXERCISE_PHASES, phaseRank } from '../exercises/phases';
import { STRATEGIES } from '../exercises/strategies';
import { heldForSafety, nextProgramMove, pathPosition, stepFinished } from './program-advance';
import { programStepProblems } from './program-definition-validation';
import type { AdvanceGate, OpenStepFacts, StepProgress } from './program.types';
import { builtInProgramSteps, TRUST_REPAIR_PROGRAM } from './trust-repair-program';

const OPEN_GATE: AdvanceGate = {
  enrolmentStatus: 'active',
  coupleStatus: 'active',
  safetyPaused: false,
  safetyConcernOpen: false,
};
const NOTHING_YET: OpenStepFacts = { submitted: 0, partners: 2, reviewed: false, sessionsHeld: 0 };

function step(position: number, overrides: Partial<StepProgress> = {}): StepProgress {
  return {
    position,
    status: 'pending',
    kind: 'exercise',
    opensWhen: 'both_submitted',
    afterSessions: null,
    coercionSensitive: false,
    ...overrides,
  };
}

describe('the next step of a path', () => {
  it('opens the first pending step when none is open (just enrolled, or the open one was skipped)', () => {
    expect(nextProgramMove(OPEN_GATE, [step(0), step(1)], null)).toEqual({ kind: 'open', finish: null, open: 0 });
    expect(
      nextProgramMove(OPEN_GATE, [step(0, { status: 'done' }), step(1, { status: 'skipped' }), step(2)], null),
    ).toEqual({ kind: 'open', finish: null, open: 2 });
  });

  it('waits for both partners, then opens the next step once', () => {
    const steps = [step(0, { status: 'open' }), step(1)];
    expect(nextProgramMove(OPEN_GATE, steps, { ...NOTHING_YET, submitted: 1 })).toEqual({ kind: 'wait' });
    expect(nextProgramMove(OPEN_GATE, steps, { ...NOTHING_YET, submitted: 2 })).toEqual({
      kind: 'open',
      finish: 0,
      open: 1,
    });
  });

  it('a step that waits for a review ignores the submissions until the therapist has reviewed', () => {
    const steps = [step(0, { status: 'open' }), step(1, { opensWhen: 'reviewed' })];
    expect(nextProgramMove(OPEN_GATE, steps, { ...NOTHING_YET, submitted: 2 })).toEqual({ kind: 'wait' });
    expect(nextProgramMove(OPEN_GATE, steps, { ...NOTHING_YET, submitted: 1, reviewed: true })).toMatchObject({
      kind: 'open',
      open: 1,
    });
  });

  it('a step after sessions counts the sessions held since the step before opened', () => {
    const steps = [step(0, { status: 'open' }), step(1, { opensWhen: 'after_sessions', afterSessions: 2 })];
    expect(nextProgramMove(OPEN_GATE, steps, { ...NOTHING_YET, submitted: 2, sessionsHeld: 1 })).toEqual({
      kind: 'wait',
    });
    expect(nextProgramMove(OPEN_GATE, steps, { ...NOTHING_YET, sessionsHeld: 2 })).toMatchObject({
      kind: 'open',
      open: 1,
    });
  });

  it('a step discussed in session is finished once a session is held after it opened', () => {
    const discuss = step(0, { status: 'open', kind: 'discuss' });
    expect(
      stepFinished(discuss, { submitted: 0, partners: 0, reviewed: false, sessionsHeld: 0 }, 'both_submitted', null),
    ).toBe(false);
    expect(
      stepFinished(discuss, { submitted: 0, partners: 0, reviewed: false, sessionsHeld: 1 }, 'reviewed', null),
    ).toBe(true);
  });

  it('the path is complete when its last step is done by both or reviewed', () => {
    const steps = [step(0, { status: 'done' }), step(1, { status: 'open' })];
    expect(nextProgramMove(OPEN_GATE, steps, { ...NOTHING_YET, submitted: 1 })).toEqual({ kind: 'wait' });
    expect(nextProgramMove(OPEN_GATE, steps, { ...NOTHING_YET, submitted: 2 })).toEqual({
      kind: 'complete',
      finish: 1,
    });
    expect(nextProgramMove(OPEN_GATE, steps, { ...NOTHING_YET, reviewed: true })).toEqual({
      kind: 'complete',
      finish: 1,
    });
  });

  it.each<[string, AdvanceGate]>([
    ['the couple is paused', { ...OPEN_GATE, coupleStatus: 'paused' }],
    ['the couple was discharged', { ...OPEN_GATE, coupleStatus: 'discharged' }],
    ['the path is paused', { ...OPEN_GATE, enrolmentStatus: 'paused' }],
    ['the path is complete', { ...OPEN_GATE, enrolmentStatus: 'completed' }],
    ['a safety pause is open', { ...OPEN_GATE, safetyPaused: true, safetyConcernOpen: true }],
  ])('nothing opens while %s', (_, gate) => {
    expect(
      nextProgramMove(gate, [step(0, { status: 'open' }), step(1)], {
        ...NOTHING_YET,
        submitted: 2,
        reviewed: true,
        sessionsHeld: 5,
      }),
    ).toEqual({ kind: 'wait' });
    expect(nextProgramMove(gate, [step(0)], null)).toEqual({ kind: 'wait' });
  });

  it('a coercion-sensitive step does not open while a safety concern is open; the step before stays open', () => {
    const concern: AdvanceGate = { ...OPEN_GATE, safetyConcernOpen: true };
    const finished = { ...NOTHING_YET, submitted: 2, reviewed: true, sessionsHeld: 3 };
    const sensitive = [step(0, { status: 'open' }), step(1, { opensWhen: 'reviewed', coercionSensitive: true })];
    expect(nextProgramMove(concern, sensitive, finished)).toEqual({ kind: 'wait' });
    // Nor when nothing is open (just enrolled, or the open step was skipped).
    expect(nextProgramMove(concern, [step(0, { coercionSensitive: true })], null)).toEqual({ kind: 'wait' });
    // Once the concern has closed, it opens as it would have.
    expect(nextProgramMove(OPEN_GATE, sensitive, finished)).toEqual({ kind: 'open', finish: 0, open: 1 });
    // A step that is not sensitive opens despite the concern (only a pause holds everything).
    const plain = [step(0, { status: 'open' }), step(1, { opensWhen: 'reviewed' })];
    expect(nextProgramMove(concern, plain, finished)).toEqual({ kind: 'open', finish: 0, open: 1 });
    // The last step finishing is not held: nothing new opens.
    expect(nextProgramMove(concern, [step(0, { status: 'open', coercionSensitive: true })], finished)).toEqual({
      kind: 'complete',
      finish: 0,
    });
    expect(heldForSafety(concern, { coercionSensitive: true })).toBe(true);
    expect(heldForSafety(OPEN_GATE, { coercionSensitive: true })).toBe(false);
  });

  it('where the couple is counts the steps not skipped, titles only', () => {
    const steps = [
      { position: 0, status: 'done' as const, title: 'One' },
      { position: 1, status: 'skipped' as const, title: 'Skipped' },
      { position: 2, status: 'open' as const, title: 'Two' },
      { position: 3, status: 'pending' as const, title: 'Three' },
    ];
    expect(pathPosition(steps, 2)).toEqual({ step: 2, total: 3, nextTitle: 'Three' });
    expect(pathPosition(steps, 3)).toEqual({ step: 3, total: 3, nextTitle: null });
  });
});

describe('the built-in trust-repair program', () => {
  const steps = builtInProgramSteps(TRUST_REPAIR_PROGRAM);
  const exerciseKeys = steps.flatMap((s) => (s.exercise ? [s.exercise] : []));

  it('names only built-in exercises, each once, and none from the crisis stage', () => {
    for (const key of exerciseKeys) expect(getBuiltInExercise(key)).toBeDefined();
    expect(new Set(exerciseKeys).size).toBe(exerciseKeys.length);
    const crisis = new Set(CRISIS_STAGE_EXERCISES.map((e) => e.key));
    expect(exerciseKeys.filter((key) => crisis.has(key))).toEqual([]);
  });

  it('covers every strategy of the seed', () => {
    const covered = new Set(exerciseKeys.map((key) => getBuiltInExercise(key)?.strategy));
    expect(STRATEGIES.filter((s) => !covered.has(s.key))).toEqual([]);
  });

  it('walks the phases in order: each stage is one phase, and each exercise belongs to its stage’s phase', () => {
    // The phase of each exercise is the catalog's; a stage only names the phase it is for.
    const misplaced = TRUST_REPAIR_PROGRAM.stages.flatMap((stage) =>
      stage.steps.flatMap((s) => {
        const phase = s.exercise ? getBuiltInExercise(s.exercise)?.phase : stage.phase;
        return phase === stage.phase ? [] : [`${s.exercise} is ${phase}, in the ${stage.phase} stage`];
      }),
    );
    expect(misplaced).toEqual([]);
    expect(TRUST_REPAIR_PROGRAM.stages.map((stage) => stage.phase)).toEqual(EXERCISE_PHASES);
    // So, along the path, no exercise belongs to an earlier phase than the one before it.
    const ranks = steps.flatMap((s) => {
      const phase = s.exercise ? getBuiltInExercise(s.exercise)?.phase : null;
      return phase ? [phaseRank(phase)] : [];
    });
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
  });

  it('keeps its own rules: coercion-sensitive exercises wait for the therapist', () => {
    const sensitive = (key: string) => BUILT_IN_EXERCISES.find((e) => e.key === key)?.coercionSensitive ?? false;
    expect(programStepProblems(steps, sensitive)).toEqual([]);
    expect(steps.filter((s, i) => i > 0 && s.exercise && sensitive(s.exercise)).map((s) => s.opensWhen)).not.toContain(
      'both_submitted',
    );
  });
});

describe('a program definition', () => {
  const never = () => false;
  it('names the field of each broken rule', () => {
    expect(
      programStepProblems(
        [
          {
            title: 'A',
            kind: 'exercise',
            exercise: null,
            opensWhen: 'both_submitted',
            afterSessions: null,
            dueInDays: 7,
          },
          {
            title: 'B',
            kind: 'discuss',
            exercise: 'x',
            opensWhen: 'after_sessions',
            afterSessions: null,
            dueInDays: 7,
          },
          {
            title: 'C',
            kind: 'exercise',
            exercise: 'sensitive',
            opensWhen: 'both_submitted',
            afterSessions: 2,
            dueInDays: 7,
          },
        ],
        (key) => key === 'sensitive',
      ).map((p) => p.field),
    ).toEqual([
      'steps.0.exerciseId',
      'steps.1.exerciseId',
      'steps.1.afterSessions',
      'steps.2.afterSessions',
      'steps.2.opensWhen',
    ]);
    expect(programStepProblems([], never)).toEqual([{ field: 'steps', message: 'must have at least one step' }]);
  });

  it('asks a check-in step for a measure and nothing else, and other steps for no measure', () => {
    const base = { opensWhen: 'both_submitted' as const, afterSessions: null, dueInDays: 7 };
    expect(
      programStepProblems(
        [
          { ...base, title: 'A', kind: 'check_in', exercise: null, measure: null },
          { ...base, title: 'B', kind: 'check_in', exercise: 'x', measure: 'm' },
          { ...base, title: 'C', kind: 'exercise', exercise: 'x', measure: 'm' },
          { ...base, title: 'D', kind: 'check_in', exercise: null, measure: 'm' },
        ],
        never,
      ).map((p) => p.field),
    ).toEqual(['steps.0.measureId', 'steps.1.exerciseId', 'steps.2.measureId']);
  });
});

describe('a check-in step', () => {
  const checkIn = { kind: 'check_in' as const };
  it('is finished when both partners answered, whether the next step asks for both or a review', () => {
    for (const opensWhen of ['both_submitted', 'reviewed'] as const) {
      expect(stepFinished(checkIn, { ...NOTHING_YET, submitted: 1 }, opensWhen, null)).toBe(false);
      expect(stepFinished(checkIn, { ...NOTHING_YET, reviewed: true }, opensWhen, null)).toBe(false);
      expect(stepFinished(checkIn, { ...NOTHING_YET, submitted: 2 }, opensWhen, null)).toBe(true);
    }
  });

  it('opens the next step once both answered, and not before', () => {
    const steps = [step(0, { status: 'open', kind: 'check_in' }), step(1, { opensWhen: 'reviewed' })];
    expect(nextProgramMove(OPEN_GATE, steps, { ...NOTHING_YET, submitted: 1 })).toEqual({ kind: 'wait' });
    expect(nextProgramMove(OPEN_GATE, steps, { ...NOTHING_YET, submitted: 2 })).toEqual({
      kind: 'open',
      finish: 0,
      open: 1,
    });
  });

  it('that no partner was sent (no address on file) never finishes on answers alone', () => {
    expect(stepFinished(checkIn, { ...NOTHING_YET, partners: 0 }, 'both_submitted', null)).toBe(false);
  });
});
