import type { ExercisePhase } from '../exercises/phases';
import type { ProgramStepDefinition } from './program.types';

/** A built-in program: its steps name built-in exercises by key (the database holds their ids). */
export interface BuiltInProgram {
  readonly key: string;
  readonly title: string;
  readonly description: string;
  /**
   * Stages of the path, each a run of steps, for the couple page's headings. A stage is one phase
   * of recovery: every exercise in it belongs to that phase (the exercise's own `phase` in the
   * catalog says which; the stage only names the phase it is for), and the stages follow the
   * phases in order, so the path never asks for an earlier phase's work after a later one's.
   */
  readonly stages: readonly BuiltInProgramStage[];
}

export interface BuiltInProgramStage {
  readonly phase: ExercisePhase;
  readonly title: string;
  readonly steps: readonly ProgramStepDefinition[];
}

const exercise = (
  key: string,
  title: string,
  opensWhen: ProgramStepDefinition['opensWhen'],
  afterSessions: number | null = null,
): ProgramStepDefinition => ({ title, kind: 'exercise', exercise: key, opensWhen, afterSessions, dueInDays: 7 });

/**
 * Trust repair, the seed article's strategies walked through the four phases of recovery (after
 * Snyder, Baucom and Gordon): the impact of the breach, understanding how it came about,
 * rebuilding day to day, moving on. The crisis-stage exercises (impact and accountability letters,
 * trigger plans) are left to the therapist's judgement and are not on the path. An exercise that
 * could become a tool of control (agreements, openness, talking at home) never opens on the
 * partners' submissions alone: the therapist reviews the step before, or sees the couple in
 * session first. Each new phase starts after the therapist has looked (a review or a session).
 */
export const TRUST_REPAIR_PROGRAM: BuiltInProgram = {
  key: 'trust-repair',
  title: 'Rebuilding trust',
  description:
    'A path through the four phases of recovery: first the impact (talking honestly, apologising, asking for ' +
    'help and agreeing boundaries); then understanding (empathy, patience and looking back); then rebuilding ' +
    '(consistency, openness, communication, personal growth, good times and small wins); then moving on ' +
    '(forgiveness and shared values).',
  stages: [
    {
      phase: 'crisis_and_impact',
      title: 'Honest talk, apology, help and boundaries',
      steps: [
        exercise('honest-check-in', 'The honest check-in', 'both_submitted'),
        exercise('apology-that-lands', 'An apology that lands', 'both_submitted'),
        exercise('support-map', 'Our support map', 'reviewed'),
        {
          title: 'Talking about boundaries in session',
          kind: 'discuss',
          exercise: null,
          opensWhen: 'both_submitted',
          afterSessions: null,
          dueInDays: 7,
        },
        exercise('agreements-we-can-keep', 'Agreements we can both keep', 'after_sessions', 1),
      ],
    },
    {
      phase: 'understanding',
      title: 'Empathy, patience and looking back',
      steps: [
        exercise('in-your-partners-shoes', 'In your partner’s shoes', 'reviewed'),
        exercise('pacing-the-repair', 'Pacing the repair', 'both_submitted'),
        exercise('looking-back-to-move-forward', 'Looking back to move forward', 'after_sessions', 1),
      ],
    },
    {
      phase: 'rebuilding',
      title: 'Consistency, openness, communication, growth, good times and small wins',
      steps: [
        exercise('small-promises-kept', 'Small promises, kept', 'reviewed'),
        exercise('everyday-openness', 'Everyday openness', 'reviewed'),
        exercise('listening-without-defending', 'Listening without defending', 'reviewed'),
        exercise('my-growth-plan', 'My own growth plan', 'both_submitted'),
        exercise('planning-a-good-time', 'Planning a good time together', 'both_submitted'),
        exercise('noticing-small-wins', 'Noticing small wins', 'both_submitted'),
      ],
    },
    {
      phase: 'moving_on',
      title: 'Forgiveness and shared values',
      steps: [
        exercise('what-forgiveness-means', 'What forgiveness means to me', 'after_sessions', 1),
        exercise('what-we-stand-for', 'What we stand for together', 'both_submitted'),
      ],
    },
  ],
};

export const BUILT_IN_PROGRAMS: readonly BuiltInProgram[] = [TRUST_REPAIR_PROGRAM];

/** A built-in program's steps in order, as one list. */
export function builtInProgramSteps(program: BuiltInProgram): ProgramStepDefinition[] {
  return program.stages.flatMap((stage) => stage.steps);
}
