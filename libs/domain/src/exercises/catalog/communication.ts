import { ExerciseDefinition } from '../exercise.types';
import { checklist, longText, scale, singleChoice } from '../prompt-builders';

export const COMMUNICATION_EXERCISES: readonly ExerciseDefinition[] = [
  {
    key: 'listening-without-defending',
    title: 'Listening without defending',
    strategy: 'communication',
    phase: 'rebuilding',
    // A talk at home without the counselor in the room.
    coercionSensitive: true,
    purpose:
      'Build the habit of listening to understand, and notice the words and reactions that turn a conversation into an argument.',
    instructions:
      'First, have a short talk of about ten minutes: one of you talks about a small everyday frustration (not what broke trust) while the other only listens and then repeats back what they heard. Then swap. If it gets heated, stop and leave it for session. Afterwards, answer these questions on your own.',
    estimatedMinutes: 15,
    version: 2,
    prompts: [
      singleChoice('did_we_try', 'Did you manage to have the listening talk?', [
        ['both_turns', 'Yes, we both took a turn'],
        ['one_turn', 'Only one of us took a turn'],
        ['turned_into_argument', 'We tried, but it turned into an argument'],
        ['did_not_get_to_it', "We didn't get to it"],
      ]),
      scale(
        'felt_heard',
        'When it was your turn to talk, how heard did you feel?',
        'Not heard at all',
        'Completely heard',
        {
          required: false,
          help: 'Leave this out if you did not get a turn. The middle of the scale means "partly heard".',
        },
      ),
      checklist(
        'my_habits',
        'Which of these do you notice in yourself when a talk gets tense? Choose any that apply.',
        [
          ['interrupting', 'Interrupting'],
          ['defending', 'Explaining or defending myself straight away'],
          ['always_never', 'Saying "always" or "never"'],
          ['shutting_down', 'Shutting down or going silent'],
          ['raising_voice', 'Raising my voice'],
          ['old_issues', 'Bringing up old issues'],
          ['sarcasm', 'Sarcasm or eye-rolling'],
        ],
        { required: false },
      ),
      longText(
        'reflect_back',
        'In your own words, write down one thing your partner said that you want them to know you understood.',
        { maxLength: 1500 },
      ),
      longText('try_next', 'What is one change you will try in your next hard conversation?', { maxLength: 800 }),
    ],
  },
  {
    key: 'complaint-to-request',
    title: 'Turning a complaint into a request',
    strategy: 'communication',
    phase: 'rebuilding',
    coercionSensitive: false,
    purpose: 'Practice raising a worry in a way that invites your partner in instead of putting them on guard.',
    instructions:
      'Think of something that has bothered you lately. On scrap paper or in your head, put it the way it tends to come out when you are upset; do not write that version here. Then write it below as a calm request: what happened, how you felt, and one thing you would like. Answer separately.',
    estimatedMinutes: 10,
    version: 2,
    prompts: [
      longText('rewritten', 'Write it in the form: "When… I feel… Would you be willing to…?"', {
        maxLength: 1000,
        minLength: 20,
      }),
      singleChoice('easier_to_hear', 'Which version do you think your partner would find easier to hear?', [
        ['rewritten', 'The calm request'],
        ['no_difference', 'There is no real difference'],
        ['first', 'The first, upset version'],
        ['not_sure', 'Not sure'],
      ]),
      scale('felt_natural', 'How natural did the rewriting feel?', 'Very awkward', 'Completely natural', {
        help: 'The middle of the scale means "a bit stiff, but doable".',
      }),
    ],
  },
];
