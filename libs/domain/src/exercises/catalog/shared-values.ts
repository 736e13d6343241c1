import { ExerciseDefinition } from '../exercise.types';
import { checklist, longText, scale } from '../prompt-builders';

export const SHARED_VALUES_EXERCISES: readonly ExerciseDefinition[] = [
  {
    key: 'what-we-stand-for',
    title: 'What we stand for together',
    strategy: 'shared_values',
    phase: 'moving_on',
    coercionSensitive: false,
    purpose:
      'Reconnect with the values that brought you together and that you both still want your relationship to rest on.',
    instructions:
      'Think back to what first drew you to each other and what you both cared about early on, then to what matters to you today. Values can change over the years, and that is fine. Answer separately; in session you will look for where your answers overlap.',
    estimatedMinutes: 10,
    version: 2,
    prompts: [
      checklist(
        'core_values',
        'Choose the three values you most want your relationship to stand for.',
        [
          ['honesty', 'Honesty'],
          ['loyalty', 'Loyalty'],
          ['kindness', 'Kindness'],
          ['playfulness', 'Fun and playfulness'],
          ['family', 'Family'],
          ['growing_together', 'Growing together'],
          ['adventure', 'Adventure'],
          ['stability', 'Security and stability'],
          ['faith', 'Faith or spirituality'],
          ['respect', 'Respect'],
          ['independence', "Respect for each other's independence"],
          ['generosity', 'Generosity'],
        ],
        { minSelected: 3, maxSelected: 3 },
      ),
      longText('what_drew_me', 'What first drew you to your partner?', { maxLength: 1500 }),
      longText('value_in_action', 'Describe a recent moment when one of you lived out a value you care about.', {
        maxLength: 1500,
      }),
      scale(
        'same_direction',
        'How much do you feel the two of you want the same things for the future?',
        'Very different things',
        'The very same things',
        { help: 'The middle of the scale means "some things the same, some different".' },
      ),
    ],
  },
];
