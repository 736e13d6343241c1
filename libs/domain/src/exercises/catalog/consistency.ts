import { ExerciseDefinition } from '../exercise.types';
import { longText, scale, singleChoice } from '../prompt-builders';

export const CONSISTENCY_EXERCISES: readonly ExerciseDefinition[] = [
  {
    key: 'small-promises-kept',
    title: 'Small promises, kept',
    strategy: 'consistency',
    purpose:
      'Look back at the commitments made this week and notice which ones held, so that reliability becomes something you can both see.',
    instructions:
      'Think about the commitments you made to each other since your last session, large or small: being home when you said you would, making a call, keeping an agreement. This is not a scorecard for blame; it is a way to spot patterns. Answer separately and as accurately as you can.',
    estimatedMinutes: 10,
    version: 1,
    prompts: [
      scale(
        'kept_by_me',
        'How well do you think you kept your commitments this week?',
        'Not at all',
        'Every single one',
      ),
      scale(
        'partner_reliability',
        'How reliable has your partner felt to you this week?',
        'Not reliable',
        'Completely reliable',
      ),
      longText(
        'kept_example',
        'Describe one commitment that was kept, by either of you, and how it felt when it happened.',
        { maxLength: 1500 },
      ),
      singleChoice('slip_reason', 'If a commitment slipped this week, what was the main reason?', [
        ['forgot', 'It was forgotten'],
        ['overcommitted', 'We promised more than was realistic'],
        ['unclear', 'The commitment was not clear enough'],
        ['uncomfortable', 'It felt uncomfortable, so it was put off'],
        ['none_slipped', 'Nothing slipped this week'],
      ]),
      longText('next_commitment', 'What is one realistic commitment you will make for the coming week?', {
        maxLength: 500,
      }),
    ],
  },
];
