import { ExerciseDefinition } from '../exercise.types';
import { checklist, longText, scale } from '../prompt-builders';

export const EMPATHY_EXERCISES: readonly ExerciseDefinition[] = [
  {
    key: 'in-your-partners-shoes',
    title: "In your partner's shoes",
    strategy: 'empathy',
    purpose: "Practice imagining your partner's inner experience, and find out how well you read it.",
    instructions:
      'Pick one recent moment between you that was tense or painful. Try to describe it from where your partner stood: what they may have felt, feared and needed. You do not have to agree with their view in order to understand it. Answer on your own; you will compare your guesses in session.',
    estimatedMinutes: 15,
    version: 1,
    prompts: [
      longText('the_moment', 'Briefly describe the moment you have in mind.', { maxLength: 1000 }),
      checklist(
        'partner_feelings',
        'Which feelings do you think your partner had in that moment? Choose up to three.',
        [
          ['hurt', 'Hurt'],
          ['scared', 'Scared'],
          ['angry', 'Angry'],
          ['ashamed', 'Ashamed'],
          ['lonely', 'Lonely'],
          ['confused', 'Confused'],
          ['hopeless', 'Hopeless'],
          ['defensive', 'Defensive'],
          ['misunderstood', 'Misunderstood'],
        ],
        { minSelected: 1, maxSelected: 3 },
      ),
      longText('partner_need', 'What do you think your partner needed from you right then?', { maxLength: 1500 }),
      scale('confidence', 'How sure are you that you have read your partner correctly?', 'Just guessing', 'Very sure'),
    ],
  },
];
