import { ExerciseDefinition } from '../exercise.types';
import { checklist, longText, singleChoice } from '../prompt-builders';

export const LEARNING_FROM_PAST_EXERCISES: readonly ExerciseDefinition[] = [
  {
    key: 'looking-back-to-move-forward',
    title: 'Looking back to move forward',
    strategy: 'learning_from_past',
    phase: 'understanding',
    coercionSensitive: false,
    purpose:
      'Understand what made it more likely that trust would be broken, so that both of you can see those patterns and change them.',
    instructions:
      'This is about understanding, not blame, and nothing here excuses what happened: the choice to break trust, and to keep it secret, belonged to the person who made it. Think about the months before: how you were living, talking and feeling. Write about yourself as well as the relationship. Answer separately.',
    estimatedMinutes: 20,
    version: 2,
    prompts: [
      checklist(
        'my_choices',
        'Which of these were part of your own choices? Choose any that apply.',
        [
          ['chose_to_cross_line', 'I chose to cross a line I knew was there'],
          ['kept_secret', 'I kept it secret and hid the signs'],
          ['told_myself_stories', 'I told myself it was harmless or deserved'],
          ['avoided_saying_no', 'I did not say no when I could have'],
          ['did_not_ask_for_help', 'I did not ask for help with what I was feeling'],
        ],
        { forRole: 'broke_trust', minSelected: 1, audience: 'counselor_only' },
      ),
      checklist(
        'contributing_factors',
        'Which of these were part of the picture in the relationship back then? Choose any that apply.',
        [
          ['drifted_apart', 'We had drifted apart'],
          ['outside_stress', 'Stress from work, money or family'],
          ['avoided_conversations', 'We avoided hard conversations'],
          ['unspoken_needs', 'Needs that were not spoken about or not met'],
          ['little_time', 'Very little time together'],
          ['resentment', 'Built-up resentment'],
          ['outside_influence', 'Influence from people outside the relationship'],
          ['something_else', 'Something else'],
        ],
        {
          required: false,
          help: 'Leave this empty if none of it fits. These things can make it more likely that trust is broken; they never cause it.',
        },
      ),
      longText('early_signs', 'Looking back, which early warning signs can you see now that were hard to see then?', {
        maxLength: 3000,
        required: false,
      }),
      longText(
        'my_pattern',
        'Which pattern in your own behavior would you like to change, so that you are less likely to end up there again?',
        { forRole: 'broke_trust' },
      ),
      longText('what_i_need_to_understand', 'What do you most need to understand about how this happened?', {
        forRole: 'hurt',
        help: 'You are not being asked to find your part in it. Bring any questions to session.',
      }),
      singleChoice('pattern_today', 'Do the old patterns between you still show up today?', [
        ['often', 'Yes, often'],
        ['sometimes', 'Sometimes'],
        ['rarely', 'Rarely'],
        ['not_sure', "I'm not sure"],
      ]),
    ],
  },
];
