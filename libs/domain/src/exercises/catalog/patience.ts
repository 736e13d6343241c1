import { ExerciseDefinition } from '../exercise.types';
import { longText, scale, singleChoice } from '../prompt-builders';

export const PATIENCE_EXERCISES: readonly ExerciseDefinition[] = [
  {
    key: 'pacing-the-repair',
    title: 'Pacing the repair',
    strategy: 'patience',
    purpose:
      'Notice how the speed of rebuilding trust feels to each of you, and name what helps on the days when progress seems slow.',
    instructions:
      'Trust tends to come back in small steps, and partners often experience the pace very differently. Think about the last week or two. Be as honest as you can about frustration as well as hope; both are normal. Answer on your own.',
    estimatedMinutes: 10,
    version: 1,
    prompts: [
      scale(
        'pace_feeling',
        'How does the pace of rebuilding trust feel to you at the moment?',
        'Far too slow',
        'Far too fast',
        {
          help: 'The middle of the scale means "about right".',
        },
      ),
      singleChoice(
        'impatience_response',
        'When you feel impatient with how things are going, what do you usually do?',
        [
          ['withdraw', 'Go quiet or pull away'],
          ['push', 'Push to talk about it right away'],
          ['remind_myself', 'Remind myself that it takes time'],
          ['talk_to_others', 'Talk to a friend or family member'],
          ['something_else', 'Something else'],
        ],
      ),
      longText(
        'sign_of_progress',
        'What is one small sign from the last two weeks that things are slowly getting better?',
        { maxLength: 1500 },
      ),
      longText('slow_day_support', 'On a day when nothing seems to change, what would help you hold on?', {
        required: false,
        maxLength: 1500,
      }),
    ],
  },
];
