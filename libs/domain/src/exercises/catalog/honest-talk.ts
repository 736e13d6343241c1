import { ExerciseDefinition } from '../exercise.types';
import { longText, scale, singleChoice } from '../prompt-builders';

export const HONEST_TALK_EXERCISES: readonly ExerciseDefinition[] = [
  {
    key: 'honest-check-in',
    title: 'The honest check-in',
    strategy: 'honest_talk',
    phase: 'crisis_and_impact',
    coercionSensitive: false,
    purpose:
      'Practice putting into words what is true for you right now, in a calm and contained way, so that honest talk starts to feel safer for both of you.',
    instructions:
      'Find a quiet fifteen minutes on your own. Write about how things feel this week, not about everything that has happened. Short, plain answers are fine. Please do not write new secrets or details of what happened here: if there is something new your counselor should know, say so in the last question and tell them in person. Fill this in separately; you will bring your answers to your next session.',
    estimatedMinutes: 15,
    version: 2,
    prompts: [
      scale(
        'safety_to_speak',
        'This week, how safe does it feel to tell your partner what you really think?',
        'Not safe at all',
        'Completely safe',
        // How safe it feels to speak up is for the counselor: the partner reading a low score could be the danger.
        { audience: 'counselor_only', help: 'The middle of the scale means "sometimes safe, sometimes not".' },
      ),
      longText(
        'unsaid_thing',
        'What is something you have been holding back from saying? Write it the way you would like to be able to say it out loud.',
        {
          help: 'Talk about your own feelings and needs. Leave out details of what happened; those belong in session.',
          audience: 'counselor_only',
        },
      ),
      singleChoice(
        'hardest_part',
        'What makes honest talk hardest for you at the moment?',
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
      singleChoice(
        'something_new',
        'Is there something new that you think your counselor should hear from you in person?',
        [
          ['no', 'No'],
          ['yes', 'Yes, I would like time to talk about it in session'],
          ['not_sure', 'I am not sure'],
        ],
        { required: false, audience: 'counselor_only' },
      ),
    ],
  },
  {
    key: 'weekly-trust-check-in',
    title: 'Weekly trust check-in',
    strategy: 'honest_talk',
    phase: 'crisis_and_impact',
    coercionSensitive: false,
    purpose:
      'A short, repeatable snapshot of how trust and closeness feel from week to week, so that changes are noticed early and can be talked about.',
    instructions:
      'This takes about five minutes and works best on the same day each week. Go with your first honest feeling rather than thinking too long. Answer on your own. Only your counselor reads these answers; they will look at how they change over time.',
    estimatedMinutes: 5,
    version: 2,
    prompts: [
      scale('trust_level', 'How much do you trust your partner this week?', 'Not at all', 'Completely', {
        audience: 'counselor_only',
        forRole: 'hurt',
        help: 'The middle of the scale means "some days yes, some days no".',
      }),
      scale(
        'trust_shown',
        'How well did you show this week that you can be trusted?',
        'Not at all',
        'In every way I could',
        {
          audience: 'counselor_only',
          forRole: 'broke_trust',
          help: 'The middle of the scale means "in some ways, not in others".',
        },
      ),
      scale('closeness', 'How close do you feel to your partner this week?', 'Very distant', 'Very close', {
        audience: 'counselor_only',
        help: 'The middle of the scale means "neither close nor distant".',
      }),
      singleChoice(
        'compared_to_last_week',
        'Compared with last week, things between you feel…',
        [
          ['better', 'Better'],
          ['same', 'About the same'],
          ['worse', 'Worse'],
          ['mixed', 'Up and down'],
        ],
        { audience: 'counselor_only' },
      ),
      longText(
        'on_my_mind',
        'Is there anything about the relationship on your mind that you would like your counselor to know?',
        { required: false, audience: 'counselor_only' },
      ),
    ],
  },
];
