import { ExerciseDefinition } from '../exercise.types';
import { longText, scale, singleChoice } from '../prompt-builders';

export const HONEST_TALK_EXERCISES: readonly ExerciseDefinition[] = [
  {
    key: 'honest-check-in',
    title: 'The honest check-in',
    strategy: 'honest_talk',
    purpose:
      'Practice putting into words what is true for you right now, in a calm and contained way, so that honest conversation starts to feel safer for both of you.',
    instructions:
      'Find a quiet fifteen minutes on your own. Answer about how things feel this week rather than about everything that has happened. Short, plain answers are fine. Please fill this in separately and do not compare notes yet; you will bring your answers to your next session.',
    estimatedMinutes: 15,
    version: 1,
    prompts: [
      scale(
        'safety_to_speak',
        'This week, how safe does it feel to tell your partner what you really think?',
        'Not safe at all',
        'Completely safe',
        // How safe it feels to speak up is for the counselor: the partner reading a low score could be the danger.
        { audience: 'counselor_only' },
      ),
      longText(
        'unsaid_thing',
        'What is something you have been holding back from saying? Write it the way you would like to be able to say it out loud.',
        { help: 'Try to describe your own feelings and needs rather than what your partner did wrong.' },
      ),
      singleChoice(
        'hardest_part',
        'What makes honest conversation hardest for you at the moment?',
        [
          ['partner_reaction', 'Worrying about how my partner will react'],
          ['avoid_conflict', 'Not wanting to start another argument'],
          ['finding_words', 'Not knowing how to put it into words'],
          ['not_heard', "Feeling that I won't really be heard"],
          ['something_else', 'Something else'],
        ],
        { audience: 'counselor_only' },
      ),
      longText(
        'what_would_help',
        'What is one thing your partner could do that would make it easier for you to be honest?',
        { required: false, maxLength: 1000 },
      ),
    ],
  },
  {
    key: 'weekly-trust-check-in',
    title: 'Weekly trust check-in',
    strategy: 'honest_talk',
    purpose:
      'A short, repeatable snapshot of how trust and closeness feel from week to week, so that changes are noticed early and can be talked about.',
    instructions:
      'This takes about five minutes and works best if you do it on the same day each week. Go with your first honest impression rather than thinking too long. Answer on your own; your counselor will look at how the answers change over time.',
    estimatedMinutes: 5,
    version: 1,
    prompts: [
      scale('trust_level', 'How much do you trust your partner this week?', 'Not at all', 'Completely'),
      scale('closeness', 'How close do you feel to your partner this week?', 'Very distant', 'Very close'),
      singleChoice('compared_to_last_week', 'Compared with last week, things between you feel…', [
        ['better', 'Better'],
        ['same', 'About the same'],
        ['worse', 'Worse'],
        ['mixed', 'Up and down'],
      ]),
      longText(
        'on_my_mind',
        'Is there anything about the relationship on your mind that you would like your counselor to know?',
        { required: false, audience: 'counselor_only' },
      ),
    ],
  },
];
