import { ExerciseDefinition } from '../exercise.types';
import { checklist, longText, scale, singleChoice } from '../prompt-builders';

export const FORGIVENESS_EXERCISES: readonly ExerciseDefinition[] = [
  {
    key: 'what-forgiveness-means',
    title: 'What forgiveness means to me',
    strategy: 'forgiveness',
    phase: 'moving_on',
    coercionSensitive: false,
    purpose:
      'Explore what forgiveness would and would not mean for each of you, with no pressure to forgive before you are ready.',
    instructions:
      'Forgiveness grows slowly, and nobody owes it on a schedule. It is not forgetting, it is not saying that what happened was all right, and it is not a promise to stay. It can happen even if you part. If you broke the trust, you cannot ask for it; you can only make it easier to give. Take your time, and answer separately.',
    estimatedMinutes: 15,
    version: 2,
    prompts: [
      checklist(
        'forgiveness_includes',
        'For you, what would forgiveness include? Choose any that apply.',
        [
          ['less_resentment', 'Anger fading over time'],
          ['no_weapon', 'No longer using the hurt as a weapon in arguments'],
          ['remembering_lessons', 'Still remembering what happened and what we learned'],
          ['earned_trust', 'Trust that has been earned back'],
          ['fresh_start', 'A fresh start for the relationship'],
          ['not_sure', "I don't know yet"],
        ],
        { minSelected: 1 },
      ),
      scale('where_i_am', 'How far along the road to forgiving do you feel?', 'Not started', 'It feels complete', {
        forRole: 'hurt',
        audience: 'counselor_only',
        help: 'The middle of the scale means "partway". Any number is all right.',
      }),
      longText('what_would_help', 'What would help you move along that road?', {
        forRole: 'hurt',
        required: false,
      }),
      longText(
        'making_it_easier',
        'What can you keep doing, without asking for anything back, that could make forgiving easier for your partner?',
        { forRole: 'broke_trust' },
      ),
      longText('forgiving_myself', 'What makes it hard for you to live with what you did?', {
        forRole: 'broke_trust',
        required: false,
        audience: 'counselor_only',
      }),
      singleChoice(
        'talk_in_session',
        'Would you like to talk about forgiveness in your next session?',
        [
          ['yes', 'Yes'],
          ['later', 'Not yet, maybe later'],
          ['not_now', "I'd rather not for now"],
        ],
        { audience: 'counselor_only' },
      ),
    ],
  },
];
