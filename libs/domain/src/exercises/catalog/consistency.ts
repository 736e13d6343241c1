import { ExerciseDefinition } from '../exercise.types';
import { longText, scale, singleChoice } from '../prompt-builders';

export const CONSISTENCY_EXERCISES: readonly ExerciseDefinition[] = [
  {
    key: 'small-promises-kept',
    title: 'Small promises, kept',
    strategy: 'consistency',
    phase: 'rebuilding',
    coercionSensitive: false,
    purpose:
      'Look back at the promises made this week and notice which ones held, so that being reliable becomes something you can both see.',
    instructions:
      'Think about the promises you made to each other since your last session, large or small: being home when you said you would, making a call, keeping an agreement. This is not a scorecard for blame; it is a way to spot patterns. Answer separately and as accurately as you can.',
    estimatedMinutes: 10,
    version: 2,
    prompts: [
      scale('kept_by_me', 'How well do you think you kept your promises this week?', 'Not at all', 'Every single one', {
        help: 'The middle of the scale means "about half of them".',
      }),
      scale(
        'partner_reliability',
        'How reliable has your partner felt to you this week?',
        'Not reliable',
        'Completely reliable',
        { audience: 'counselor_only', help: 'The middle of the scale means "some of the time".' },
      ),
      longText(
        'kept_example',
        'Describe one promise that was kept, by either of you, and how it felt when it happened.',
        {
          maxLength: 1500,
        },
      ),
      singleChoice('slip_reason', 'If a promise slipped this week, what was the main reason?', [
        ['forgot', 'It was forgotten'],
        ['overcommitted', 'We promised more than was realistic'],
        ['unclear', 'The promise was not clear enough'],
        ['uncomfortable', 'It felt uncomfortable, so it was put off'],
        ['none_slipped', 'Nothing slipped this week'],
      ]),
      longText('next_commitment', 'What is one realistic promise you will make for the coming week?', {
        maxLength: 500,
      }),
    ],
  },
];
