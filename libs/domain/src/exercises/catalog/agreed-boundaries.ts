import { ExerciseDefinition } from '../exercise.types';
import { checklist, longText, scale, singleChoice } from '../prompt-builders';

export const AGREED_BOUNDARIES_EXERCISES: readonly ExerciseDefinition[] = [
  {
    key: 'agreements-we-can-keep',
    title: 'Agreements we can both keep',
    strategy: 'agreed_boundaries',
    phase: 'crisis_and_impact',
    coercionSensitive: true,
    purpose:
      'Start drafting a few clear agreements about everyday life that help each of you feel secure, to shape together in session.',
    instructions:
      'An agreement is offered freely, never demanded. Nothing here is final: your counselor goes over every idea with you both in session. An agreement never gives one partner control over the other’s money, friends or comings and goings. For each idea, say who it is for (one of you or both) and how long it should last before you look at it again. Answer separately.',
    estimatedMinutes: 15,
    version: 2,
    prompts: [
      checklist(
        'areas',
        'Which areas would you most like to have clear agreements about? Choose up to four.',
        [
          ['contact_with_person', 'Contact with the person involved'],
          ['phones', 'Phones and messages'],
          ['social_media', 'Social media'],
          ['time_apart', 'Time apart and checking in'],
          ['former_partners', 'Contact with former partners'],
          ['alcohol', 'Alcohol or other substances'],
          ['work', 'Work trips and late hours'],
        ],
        { minSelected: 1, maxSelected: 4 },
      ),
      longText('proposed_agreement', 'Write one agreement you would like to suggest. Say who does what, and when.', {
        help: 'For example: "If either of us will be more than an hour late, we send a short message."',
        maxLength: 1500,
      }),
      singleChoice('binds_whom', 'Who would that agreement be for?', [
        ['me', 'Just me'],
        ['partner', 'Just my partner'],
        ['both', 'Both of us'],
      ]),
      singleChoice('how_long', 'How long should it last before you look at it again together?', [
        ['two_weeks', 'Two weeks'],
        ['one_month', 'One month'],
        ['three_months', 'Three months'],
        ['decide_in_session', 'Decide in session'],
      ]),
      longText(
        'my_offer',
        'What is one agreement you are willing to offer, even if your partner has not asked for it?',
        { maxLength: 1500 },
      ),
      scale(
        'pressure',
        'How free do you feel to say no to an agreement you do not want?',
        'Not free at all',
        'Completely free',
        { audience: 'counselor_only', help: 'The middle of the scale means "somewhat free".' },
      ),
    ],
  },
];
