import { ExerciseDefinition } from '../exercise.types';
import { checklist, longText, scale, singleChoice } from '../prompt-builders';

export const OPENNESS_EXERCISES: readonly ExerciseDefinition[] = [
  {
    key: 'everyday-openness',
    title: 'Everyday openness',
    strategy: 'openness',
    phase: 'rebuilding',
    coercionSensitive: true,
    purpose: 'Find small, practical ways of being more open in daily life that feel respectful to both of you.',
    instructions:
      'Openness works when it is offered, not demanded, and it is never a way to keep watch over someone. Think about ordinary parts of your days, such as plans and messages, and what sharing would feel reassuring without turning into checking up. Your counselor will go over your answers with you both in session before anything is agreed. Answer separately.',
    estimatedMinutes: 10,
    version: 2,
    prompts: [
      checklist(
        'willing_to_share',
        'Which of these are you willing to share more openly for now? Choose any that apply.',
        [
          ['plans', 'My plans for the day, and changes to them'],
          ['whereabouts', 'Where I am when plans change'],
          ['contacts', "Who I'm in touch with"],
          ['feelings', "How I'm feeling day to day"],
          ['worries', 'Worries I would usually keep to myself'],
        ],
        { minSelected: 1 },
      ),
      singleChoice(
        'how_sharing_feels',
        'When you share these things, which comes closest to how it feels?',
        [
          ['relief', 'A relief'],
          ['fine', 'Fine, no big deal'],
          ['uneasy', 'A little uneasy'],
          ['checked_on', 'Like being checked up on'],
          ['not_tried', "I haven't tried yet"],
        ],
        { audience: 'counselor_only' },
      ),
      scale(
        'open_this_week',
        'How open do you feel you were with your partner this week?',
        'Not open at all',
        'Completely open',
        { help: 'The middle of the scale means "open about some things".' },
      ),
      longText('hard_to_share', 'Is there something you find hard to be open about? What makes it hard?', {
        required: false,
        audience: 'counselor_only',
      }),
    ],
  },
];
