import { ExerciseDefinition } from '../exercise.types';
import { checklist, longText, scale, singleChoice } from '../prompt-builders';

export const SEEKING_HELP_EXERCISES: readonly ExerciseDefinition[] = [
  {
    key: 'support-map',
    title: 'Our support map',
    strategy: 'seeking_help',
    phase: 'crisis_and_impact',
    coercionSensitive: false,
    purpose:
      'Take stock of the support each of you has, and where you might need more, both inside and outside counseling.',
    instructions:
      'Rebuilding trust is hard work, and nobody should carry it alone. Think about the people, services and habits that help you cope. Answer on your own. If something feels too private to write down, just say that you would like to talk about it in session.',
    estimatedMinutes: 10,
    version: 2,
    prompts: [
      checklist(
        'current_support',
        'Where do you find support right now? Choose all that apply.',
        [
          ['couples_sessions', 'Our couples sessions'],
          ['individual_therapy', 'Individual therapy or counseling'],
          ['friend', 'A trusted friend'],
          ['family', 'Family'],
          ['faith_community', 'A faith or spiritual community'],
          ['support_group', 'A support group'],
          ['self_care', 'Exercise, rest or other ways of looking after myself'],
          ['nowhere_yet', 'Nowhere at the moment'],
        ],
        { minSelected: 1, audience: 'counselor_only' },
      ),
      scale(
        'feeling_supported',
        'Overall, how supported do you feel right now?',
        'Completely on my own',
        'Very well supported',
        { audience: 'counselor_only', help: 'The middle of the scale means "somewhat supported".' },
      ),
      longText('asking_is_hard', 'What, if anything, makes it hard for you to ask for help?', {
        required: false,
        maxLength: 1500,
        audience: 'counselor_only',
      }),
      singleChoice(
        'more_support',
        'Would you like to talk with your counselor about more support?',
        [
          ['individual', 'Yes, support just for me'],
          ['resources', 'Yes, books, groups or other resources'],
          ['options', "Maybe; I'd like to hear what's out there"],
          ['not_now', 'Not right now'],
        ],
        { audience: 'counselor_only' },
      ),
      longText('session_wish', 'What would you most like to get out of your next session?', { maxLength: 1000 }),
    ],
  },
];
