import { ExerciseDefinition } from '../exercise.types';
import { checklist, longText, singleChoice } from '../prompt-builders';

export const LEARNING_FROM_PAST_EXERCISES: readonly ExerciseDefinition[] = [
  {
    key: 'looking-back-to-move-forward',
    title: 'Looking back to move forward',
    strategy: 'learning_from_past',
    purpose:
      'Understand the conditions that made the breach of trust more likely, so that both of you can recognize those patterns and change them.',
    instructions:
      'This exercise is about understanding, not about assigning blame or excusing what happened. Think about the months before trust was broken: how you were living, talking and feeling. Write about what you notice in yourself as well as in the relationship. Answer separately.',
    estimatedMinutes: 25,
    version: 1,
    prompts: [
      checklist(
        'contributing_factors',
        'Which of these were part of the picture before trust broke down? Choose any that apply.',
        [
          ['drifted_apart', 'We had drifted apart emotionally'],
          ['outside_stress', 'Stress from work, money or family'],
          ['avoided_conversations', 'We avoided difficult conversations'],
          ['unspoken_needs', 'Needs that were not spoken about or not met'],
          ['little_time', 'Very little time together'],
          ['resentment', 'Built-up resentment'],
          ['outside_influence', 'Influence from people outside the relationship'],
          ['something_else', 'Something else'],
        ],
        { minSelected: 1 },
      ),
      longText(
        'early_signs',
        'Looking back, which early warning signs can you see now that were hard to see at the time?',
        { maxLength: 3000 },
      ),
      longText(
        'my_pattern',
        'Which pattern in your own behavior would you like to change, so that you are less likely to end up there again?',
        { help: 'This is about what you can influence. It does not mean that what happened was your fault.' },
      ),
      singleChoice('pattern_today', 'Does that pattern still show up today?', [
        ['often', 'Yes, often'],
        ['sometimes', 'Sometimes'],
        ['rarely', 'Rarely'],
        ['not_sure', "I'm not sure"],
      ]),
    ],
  },
];
