import { ExerciseDefinition } from '../exercise.types';
import { longText, scale, singleChoice } from '../prompt-builders';

export const PERSONAL_GROWTH_EXERCISES: readonly ExerciseDefinition[] = [
  {
    key: 'my-growth-plan',
    title: 'My own growth plan',
    strategy: 'personal_growth',
    phase: 'rebuilding',
    coercionSensitive: false,
    purpose:
      'Choose one area of personal growth to work on for yourself; doing so also shows your partner that you are investing in the relationship.',
    instructions:
      'Rebuilding trust is not only about the relationship: each of you also brings your own habits, history and stresses. Choose one area to grow in over the next month and make it as concrete as you can. Answer on your own.',
    estimatedMinutes: 15,
    version: 2,
    prompts: [
      singleChoice('focus_area', 'Which area would you most like to work on?', [
        ['emotions', 'Handling strong emotions'],
        ['saying_what_i_need', 'Saying clearly what I need'],
        ['stress', 'Coping with stress'],
        ['honesty', "Being honest when it's uncomfortable"],
        ['self_worth', 'How I see myself'],
        ['habit', 'A habit that affects us, such as drinking, gaming or overworking'],
        ['something_else', 'Something else'],
      ]),
      longText(
        'why_it_matters',
        'Why does this area matter to you, and how would working on it change things in your relationship?',
      ),
      longText('first_step', 'What is the first small, concrete step you will take this week?', {
        help: 'Something you could do in under half an hour is a good start.',
        maxLength: 800,
      }),
      scale('confidence', 'How confident are you that you will take that step?', 'Not confident', 'Very confident', {
        help: 'The middle of the scale means "maybe".',
      }),
    ],
  },
];
