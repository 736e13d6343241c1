import { ExerciseDefinition } from '../exercise.types';
import { checklist, longText, scale } from '../prompt-builders';

export const APOLOGY_EXERCISES: readonly ExerciseDefinition[] = [
  {
    key: 'apology-that-lands',
    title: 'An apology that lands',
    strategy: 'apology',
    phase: 'crisis_and_impact',
    coercionSensitive: false,
    purpose:
      'Get ready for the apology conversation in session: the partner who broke trust prepares to own it, and the partner who was hurt says what they need to hear.',
    instructions:
      'Your questions are written for where you stand. If you broke the trust, this is about owning what you did and its cost, with no excuses. If you were hurt, this is about what you need; you are not asked to apologize for anything here. Do not write the apology itself; that happens in session. Answer separately.',
    estimatedMinutes: 20,
    version: 2,
    prompts: [
      longText(
        'what_i_did',
        'In plain words, what did you do that broke trust? Name your choices, without "but" and without reasons.',
        { forRole: 'broke_trust', maxLength: 2000, audience: 'counselor_only' },
      ),
      longText(
        'cost_to_partner',
        'How do you think this has hurt your partner: their sleep, their work, their sense of who they can trust?',
        { forRole: 'broke_trust', maxLength: 3000, audience: 'counselor_only' },
      ),
      longText(
        'how_it_hurt_me',
        'What has this done to you? Write as much or as little as you want your counselor to know.',
        { forRole: 'hurt', required: false, maxLength: 3000, audience: 'counselor_only' },
      ),
      checklist(
        'needed_parts',
        'Which of these matter most in an apology between you two? Choose up to three.',
        [
          ['names_what_happened', 'Saying clearly what happened'],
          ['acknowledges_pain', 'Naming the pain it caused'],
          ['no_excuses', 'No excuses and no blame put on the other'],
          ['understands_why', 'Knowing why it happened, without using that as an excuse'],
          ['plan_to_change', 'A clear plan for what will be different'],
          ['room_for_reactions', "Room for the hurt partner's reactions, even strong ones"],
          ['follow_through', 'Follow-through in the weeks after'],
        ],
        { minSelected: 1, maxSelected: 3 },
      ),
      scale(
        'readiness',
        'How ready do you feel to have the apology conversation in session?',
        'Not ready at all',
        'Completely ready',
        { help: 'The middle of the scale means "partly ready".', audience: 'counselor_only' },
      ),
      longText('worry', 'Is there anything you are afraid might go wrong in that conversation?', {
        required: false,
        maxLength: 1500,
        audience: 'counselor_only',
      }),
    ],
  },
];
