import { ExerciseDefinition } from '../exercise.types';
import { longText, scale, singleChoice } from '../prompt-builders';

export const PATIENCE_EXERCISES: readonly ExerciseDefinition[] = [
  {
    key: 'pacing-the-repair',
    title: 'Pacing the repair',
    strategy: 'patience',
    phase: 'understanding',
    coercionSensitive: false,
    purpose:
      'Notice how the speed of rebuilding trust feels to each of you, and name what helps on the days when progress seems slow.',
    instructions:
      'Trust tends to come back in small steps, and partners often feel the pace very differently. The partner who was hurt sets much of the pace; nobody has to feel better on a timetable. Think about the last week or two, and be honest about frustration as well as hope. Answer on your own.',
    estimatedMinutes: 10,
    version: 2,
    prompts: [
      scale(
        'pace_feeling',
        'How does the pace of rebuilding trust feel to you at the moment?',
        'Far too slow',
        'Far too fast',
        { help: 'The middle of the scale (5) means "about right".' },
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
        { forRole: 'broke_trust' },
      ),
      singleChoice(
        'pressure_felt',
        'Do you feel pushed to trust again faster than you can?',
        [
          ['no', 'No'],
          ['a_little', 'A little'],
          ['a_lot', 'A lot'],
          ['not_sure', 'I am not sure'],
        ],
        { forRole: 'hurt', audience: 'counselor_only' },
      ),
      longText(
        'sign_of_progress',
        'What is one small sign from the last two weeks that things are slowly getting better?',
        { maxLength: 1500, required: false, help: 'If you cannot see one yet, that is all right. Leave it empty.' },
      ),
      longText(
        'patience_for_partner',
        'When your partner is still hurting, what helps you stay steady and kind instead of defending yourself?',
        { forRole: 'broke_trust', maxLength: 1500 },
      ),
      longText('slow_day_support', 'On a day when nothing seems to change, what would help you hold on?', {
        required: false,
        maxLength: 1500,
      }),
    ],
  },
];
