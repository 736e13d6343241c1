import { ExerciseDefinition } from '../exercise.types';
import { checklist, longText, scale, singleChoice } from '../prompt-builders';

export const SMALL_WINS_EXERCISES: readonly ExerciseDefinition[] = [
  {
    key: 'noticing-small-wins',
    title: 'Noticing small wins',
    strategy: 'small_wins',
    phase: 'rebuilding',
    coercionSensitive: false,
    purpose: 'Train your attention on the small moments of progress that are easy to overlook when things are hard.',
    instructions:
      'Progress in rebuilding trust is often quiet: a kept promise, an honest answer, an evening that felt easy. Take five minutes at the end of the week to notice what went well, however small. Answer on your own.',
    estimatedMinutes: 5,
    version: 2,
    prompts: [
      longText('win', 'What is one small moment from this week when things felt a little better between you?', {
        maxLength: 1000,
      }),
      checklist(
        'kinds_of_wins',
        'What kinds of moments did you notice this week? Choose any that apply.',
        [
          ['honest_moment', 'An honest conversation'],
          ['promise_kept', 'A promise that was kept'],
          ['kind_gesture', 'A kind gesture'],
          ['laughter', 'Laughing together'],
          ['calm_disagreement', 'A disagreement that stayed calm'],
          ['closeness', 'Feeling close, even briefly'],
        ],
        { required: false },
      ),
      scale('week_overall', 'Overall, how was this week for your relationship?', 'Very hard', 'Really good', {
        help: 'The middle of the scale means "mixed".',
      }),
      singleChoice('marked_it', 'Did you mark any of these moments together?', [
        ['said_so', 'Yes, one of us noticed it out loud or said thank you'],
        ['celebrated', 'Yes, we did something small to celebrate'],
        ['would_like_to', "No, but I'd like to"],
        ['no', 'No'],
      ]),
    ],
  },
];
