import type { ProgramStepDefinition } from './program.types';

/** A built-in program: its steps name built-in exercises by key (the database holds their ids). */
export interface BuiltInProgram {
  readonly key: string;
  readonly title: string;
  readonly description: string;
  /** Stages of the path, each a run of steps, for the couple page's headings. */
  readonly stages: readonly { readonly title: string; readonly steps: readonly ProgramStepDefinition[] }[];
}

const exercise = (
  key: string,
  title: string,
  opensWhen: ProgramStepDefinition['opensWhen'],
  afterSessions: number | null = null,
): ProgramStepDefinition => ({ title, kind: 'exercise', exercise: key, opensWhen, afterSessions, dueInDays: 7 });

/**
 * Trust repair, after the seed article's strategies in four stages. The crisis-stage exercises
 * (impact and accountability letters, trigger plans) are left to the therapist's judgement and are
 * not on the path. An exercise that could become a tool of control (agreements, openness, talking
 * at home) never opens on the partners' submissions alone: the therapist reviews the step before,
 * or sees the couple in session first.
 */
export const TRUST_REPAIR_PROGRAM: BuiltInProgram = {
  key: 'trust-repair',
  title: 'Rebuilding trust',
  description:
    'A path in four stages: talking honestly, apologising, asking for help and agreeing boundaries; then ' +
    'consistency, openness, communication, empathy and patience; then learning from the past, forgiveness ' +
    'and personal growth; then good times, shared values and small wins.',
  stages: [
    {
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
      title: 'Consistency, openness, communication, empathy and patience',
      steps: [
        exercise('small-promises-kept', 'Small promises, kept', 'reviewed'),
        exercise('everyday-openness', 'Everyday openness', 'reviewed'),
        exercise('listening-without-defending', 'Listening without defending', 'reviewed'),
        exercise('in-your-partners-shoes', 'In your partner’s shoes', 'both_submitted'),
        exercise('pacing-the-repair', 'Pacing the repair', 'both_submitted'),
      ],
    },
    {
      title: 'Learning from the past, forgiveness and personal growth',
      steps: [
        exercise('looking-back-to-move-forward', 'Looking back to move forward', 'after_sessions', 1),
        exercise('what-forgiveness-means', 'What forgiveness means to me', 'reviewed'),
        exercise('my-growth-plan', 'My own growth plan', 'both_submitted'),
      ],
    },
    {
      title: 'Good times, shared values and small wins',
      steps: [
        exercise('planning-a-good-time', 'Planning a good time together', 'after_sessions', 1),
        exercise('what-we-stand-for', 'What we stand for together', 'both_submitted'),
        exercise('noticing-small-wins', 'Noticing small wins', 'both_submitted'),
      ],
    },
  ],
};

export const BUILT_IN_PROGRAMS: readonly BuiltInProgram[] = [TRUST_REPAIR_PROGRAM];

/** A built-in program's steps in order, as one list. */
export function builtInProgramSteps(program: BuiltInProgram): ProgramStepDefinition[] {
  return program.stages.flatMap((stage) => stage.steps);
}
