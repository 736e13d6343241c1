import { ExerciseDefinition } from '../exercise.types';
import { checklist, longText, scale, singleChoice } from '../prompt-builders';

export const GOOD_TIMES_EXERCISES: readonly ExerciseDefinition[] = [
  {
    key: 'planning-a-good-time',
    title: 'Planning a good time together',
    strategy: 'good_times',
    phase: 'rebuilding',
    coercionSensitive: false,
    purpose: 'Plan a relaxed shared activity that adds a new good memory alongside the harder work of repair.',
    instructions:
      "Good experiences together do not erase what happened, but they remind you both why you are doing this work. Suggest something simple you would enjoy doing together in the next two weeks. Keep it low-pressure: the aim is to enjoy each other's company, not to discuss the relationship. Answer on your own.",
    estimatedMinutes: 10,
    version: 2,
    prompts: [
      checklist(
        'activity_kinds',
        'Which kinds of activity appeal to you right now? Choose up to three.',
        [
          ['outdoors', 'Something outdoors, like a walk or a bike ride'],
          ['food', 'Cooking or eating out together'],
          ['creative', 'Something creative or hands-on'],
          ['games', 'Games or puzzles'],
          ['culture', 'A film, a concert or an exhibition'],
          ['something_new', 'Something neither of us has tried before'],
          ['old_favorite', 'A place or pastime we used to love'],
        ],
        { minSelected: 1, maxSelected: 3 },
      ),
      longText('specific_idea', 'Describe one specific thing you would like to do together, and when.', {
        maxLength: 800,
      }),
      scale(
        'comfort',
        'How comfortable do you feel about spending relaxed time together right now?',
        'Very uncomfortable',
        'Very comfortable',
        { audience: 'counselor_only', help: 'The middle of the scale means "unsure". A low number is fine to give.' },
      ),
      singleChoice('who_organizes', 'Who would you like to organize it?', [
        ['me', "I'll organize it"],
        ['partner', "I'd like my partner to"],
        ['together', "Let's plan it together"],
        ['either', 'Either is fine'],
      ]),
      longText('good_memory', 'Describe a good memory from your relationship that still makes you smile.', {
        required: false,
        maxLength: 1500,
      }),
    ],
  },
];
