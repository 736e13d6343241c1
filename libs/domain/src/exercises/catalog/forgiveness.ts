import { ExerciseDefinition } from '../exercise.types';
import { checklist, longText, scale, singleChoice } from '../prompt-builders';

export const FORGIVENESS_EXERCISES: readonly ExerciseDefinition[] = [
  {
    key: 'what-forgiveness-means',
    title: 'What forgiveness means to me',
    strategy: 'forgiveness',
    purpose:
      'Explore what forgiveness would and would not mean for each of you, without any pressure to forgive before you are ready.',
    instructions:
      'Forgiveness is a gradual process, not a switch, and nobody owes it on a schedule. It also does not mean pretending the hurt never happened. These questions work whether you are hoping to forgive, hoping to be forgiven, or both. Take your time, and answer separately.',
    estimatedMinutes: 20,
    version: 1,
    prompts: [
      checklist(
        'forgiveness_includes',
        'For you, what would forgiveness include? Choose any that apply.',
        [
          ['less_resentment', 'Resentment fading over time'],
          ['no_weapon', 'No longer using the hurt as a weapon in arguments'],
          ['remembering_lessons', 'Still remembering what happened and what we learned'],
          ['earned_trust', 'Trust that has been earned back'],
          ['fresh_start', 'A fresh start for the relationship'],
          ['not_sure', "I don't know yet"],
        ],
        { minSelected: 1 },
      ),
      scale(
        'where_i_am',
        'Where are you at the moment on the road toward forgiveness, whether giving it or receiving it?',
        'Not started',
        'It feels complete',
      ),
      longText('what_helps', 'What has helped you move along that road so far, or what would help?'),
      longText(
        'held_resentment',
        'Is there a resentment you are still holding, about anything big or small? How does holding on to it affect you?',
        { required: false },
      ),
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
