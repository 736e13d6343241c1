import { ExerciseDefinition } from '../exercise.types';
import { checklist, longText, scale, singleChoice } from '../prompt-builders';

export const AGREED_BOUNDARIES_EXERCISES: readonly ExerciseDefinition[] = [
  {
    key: 'agreements-we-can-keep',
    title: 'Agreements we can both keep',
    strategy: 'agreed_boundaries',
    purpose:
      'Start drafting a small set of clear, mutual agreements about everyday behavior that help each of you feel secure.',
    instructions:
      'Think about the ordinary situations where worry or uncertainty shows up: phones, friendships, time apart, money. Suggest agreements that are specific and doable, and that you would be willing to keep yourself too. Answer separately; you will compare and shape them together in session, so nothing you write here is final.',
    estimatedMinutes: 25,
    version: 1,
    prompts: [
      checklist(
        'areas',
        'Which areas would you most like to have clear agreements about? Choose up to four.',
        [
          ['phones', 'Phones and messages'],
          ['social_media', 'Social media'],
          ['friendships', 'Friendships and who we spend time with'],
          ['former_partners', 'Contact with former partners'],
          ['time_apart', 'Time apart and checking in'],
          ['money', 'Money and spending'],
          ['alcohol', 'Alcohol or other substances'],
          ['work', 'Work trips and late hours'],
        ],
        { minSelected: 1, maxSelected: 4 },
      ),
      longText(
        'proposed_agreement',
        'Write one agreement you would like the two of you to make. Make it specific: who does what, and when.',
        {
          help: 'For example: "If one of us is going to be more than an hour later than planned, we send a short message."',
          maxLength: 1500,
        },
      ),
      longText(
        'my_offer',
        'What is one agreement you are willing to offer, even if your partner has not asked for it?',
        { maxLength: 1500 },
      ),
      singleChoice('if_it_slips', 'If one of these agreements slips, how would you like that to be handled?', [
        ['same_day', 'The person who slipped mentions it the same day'],
        ['next_check_in', 'We talk about it at our next check-in'],
        ['next_session', 'We bring it to our next session'],
        ['not_sure', "I'm not sure yet"],
      ]),
      scale('security_now', 'How secure do you feel in the relationship right now?', 'Very insecure', 'Very secure'),
    ],
  },
];
