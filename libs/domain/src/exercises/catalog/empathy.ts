import { ExerciseDefinition } from '../exercise.types';
import { checklist, longText, OptionPairs, scale } from '../prompt-builders';

const FEELINGS: OptionPairs = [
  ['hurt', 'Hurt'],
  ['sad', 'Sad'],
  ['betrayed', 'Betrayed'],
  ['humiliated', 'Humiliated'],
  ['scared', 'Scared'],
  ['angry', 'Angry'],
  ['numb', 'Numb'],
  ['ashamed', 'Ashamed'],
  ['lonely', 'Lonely'],
  ['confused', 'Confused'],
  ['hopeless', 'Hopeless'],
  ['misunderstood', 'Misunderstood'],
];

export const EMPATHY_EXERCISES: readonly ExerciseDefinition[] = [
  {
    key: 'in-your-partners-shoes',
    title: "In your partner's shoes",
    strategy: 'empathy',
    phase: 'understanding',
    coercionSensitive: false,
    purpose:
      'Help the partner who broke trust understand what the hurt partner lives with, and help the hurt partner say what feeling understood would take.',
    instructions:
      'Pick one recent moment between you that was tense or painful. If you broke the trust, try to describe it from where your partner stood: what they may have felt, feared and needed. If you were hurt, you are not asked to see it from the other side here; say what you felt and what would help. Answer on your own; you will talk it through in session.',
    estimatedMinutes: 15,
    version: 2,
    prompts: [
      longText('the_moment', 'Briefly describe the moment you have in mind.', { maxLength: 1000 }),
      checklist(
        'partner_feelings',
        'Which feelings do you think your partner had in that moment? Choose up to three.',
        FEELINGS,
        { minSelected: 1, maxSelected: 3, forRole: 'broke_trust' },
      ),
      longText('partner_need', 'What do you think your partner needed from you right then?', {
        maxLength: 1500,
        forRole: 'broke_trust',
      }),
      scale('confidence', 'How sure are you that you have read your partner correctly?', 'Just guessing', 'Very sure', {
        forRole: 'broke_trust',
        help: 'The middle of the scale means "fairly sure".',
      }),
      checklist('my_feelings', 'Which feelings did you have in that moment? Choose up to three.', FEELINGS, {
        minSelected: 1,
        maxSelected: 3,
        forRole: 'hurt',
      }),
      longText('feel_understood', 'What would help you feel that your partner really understands?', {
        maxLength: 1500,
        forRole: 'hurt',
      }),
      scale('understood_now', 'These days, how understood do you feel by your partner?', 'Not at all', 'Completely', {
        forRole: 'hurt',
        audience: 'counselor_only',
        help: 'The middle of the scale means "partly understood".',
      }),
    ],
  },
];
