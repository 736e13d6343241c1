import { ExerciseDefinition } from '../exercise.types';
import { checklist, longText, scale, singleChoice } from '../prompt-builders';

export const APOLOGY_EXERCISES: readonly ExerciseDefinition[] = [
  {
    key: 'apology-that-lands',
    title: 'An apology that lands',
    strategy: 'apology',
    purpose:
      'Get clear on what a meaningful apology needs to contain between the two of you, whether you are preparing to offer one, hoping to receive one, or both.',
    instructions:
      'Every couple is different: sometimes one partner broke the trust, sometimes both have hurt each other. Start by choosing the description that fits you best, then answer the rest from that point of view. You do not need to write the apology itself here; this is preparation for a conversation in session. Answer separately.',
    estimatedMinutes: 20,
    version: 1,
    prompts: [
      singleChoice('my_position', 'Which best describes where you stand right now?', [
        ['offering', 'I mainly need to offer an apology'],
        ['receiving', 'I mainly hope to receive an apology'],
        ['both', 'We both have something to apologize for'],
        ['unsure', "I'm not sure yet"],
      ]),
      longText(
        'impact',
        'In your own words, how has the breach of trust affected the partner who was hurt? If that is you, describe what it has done to you.',
        { maxLength: 3000 },
      ),
      checklist(
        'needed_parts',
        'Which of these feel most important in an apology between you two? Choose up to three.',
        [
          ['names_what_happened', 'Saying clearly what happened'],
          ['acknowledges_pain', 'Recognizing the pain it caused'],
          ['no_excuses', 'No excuses and no shifting of blame'],
          ['understands_why', 'Understanding why it happened, without using that as a justification'],
          ['plan_to_change', 'A concrete plan for what will be different'],
          ['room_for_reactions', "Room for the hurt partner's reactions, even strong ones"],
          ['follow_through', 'Follow-through in the weeks afterwards'],
        ],
        { minSelected: 1, maxSelected: 3 },
      ),
      scale(
        'readiness',
        'How ready do you feel to have the apology conversation in session?',
        'Not ready at all',
        'Completely ready',
      ),
      longText('worry', 'Is there anything you are afraid might go wrong in that conversation?', {
        required: false,
        maxLength: 1500,
        audience: 'counselor_only',
      }),
    ],
  },
];
