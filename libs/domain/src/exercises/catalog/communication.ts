import { ExerciseDefinition } from '../exercise.types';
import { checklist, longText, scale, singleChoice } from '../prompt-builders';

export const COMMUNICATION_EXERCISES: readonly ExerciseDefinition[] = [
  {
    key: 'listening-without-defending',
    title: 'Listening without defending',
    strategy: 'communication',
    purpose:
      'Build the habit of listening to understand, and notice the words and reactions that turn a conversation into an argument.',
    instructions:
      'First, have a short conversation of about ten minutes: one of you talks about a small everyday frustration (not the breach itself) while the other only listens and then repeats back what they heard. Then swap roles. Afterwards, answer these questions on your own.',
    estimatedMinutes: 20,
    version: 1,
    prompts: [
      singleChoice('did_we_try', 'Did you manage to have the listening conversation?', [
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
          help: 'Leave this out if you did not get a turn.',
        },
      ),
      checklist(
        'my_habits',
        'Which of these do you notice in yourself when a conversation gets tense? Choose any that apply.',
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
      longText('try_next', 'What is one change you will try in your next difficult conversation?', { maxLength: 800 }),
    ],
  },
  {
    key: 'complaint-to-request',
    title: 'Turning a complaint into a request',
    strategy: 'communication',
    purpose:
      'Practice raising a concern in a way that invites your partner in instead of putting them on the defensive.',
    instructions:
      'Think of something that has bothered you recently. First write it the way it tends to come out when you are frustrated. Then rewrite it as a calm description of the situation, how you felt, and a specific request. Answer separately.',
    estimatedMinutes: 15,
    version: 1,
    prompts: [
      longText('first_version', 'Write the complaint the way it tends to come out when you are upset.', {
        maxLength: 1000,
      }),
      longText('rewritten', 'Now rewrite it in the form: "When… I feel… Would you be willing to…?"', {
        maxLength: 1000,
        minLength: 20,
      }),
      singleChoice('easier_to_hear', 'Which version do you think your partner would find easier to hear?', [
        ['rewritten', 'The rewritten one'],
        ['no_difference', 'There is no real difference'],
        ['first', 'The first one'],
        ['not_sure', 'Not sure'],
      ]),
      scale('felt_natural', 'How natural did the rewriting feel?', 'Very awkward', 'Completely natural'),
    ],
  },
];
