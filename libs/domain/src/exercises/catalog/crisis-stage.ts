import { ExerciseDefinition } from '../exercise.types';
import { checklist, longText, scale, singleChoice } from '../prompt-builders';

/**
 * The first weeks after trust is broken: getting through the shock, saying what it did, and keeping
 * home calm enough to do the work. Letters and the questions the hurt partner needs answered go to
 * the counselor only: they are read and shaped in session before anything reaches the other partner.
 */
export const CRISIS_STAGE_EXERCISES: readonly ExerciseDefinition[] = [
  {
    key: 'accountability-letter',
    title: 'An accountability letter',
    strategy: 'apology',
    phase: 'crisis_and_impact',
    coercionSensitive: false,
    purpose:
      'The partner who broke trust writes a first letter that owns what they did; the partner who was hurt says what that letter needs to own.',
    instructions:
      'Only your counselor reads what you write here. Your counselor goes over it with you before any letter is shared, and decides with you when and how. If you broke trust, write plainly, without excuses or "but". If you were hurt, you do not write a letter here; say what you need it to hold. Answer separately.',
    estimatedMinutes: 30,
    version: 1,
    prompts: [
      longText(
        'letter',
        'Write your letter to your partner. Say what you did, that it was your choice, what you hid, and what it has cost them.',
        {
          forRole: 'broke_trust',
          audience: 'counselor_only',
          maxLength: 5000,
          minLength: 200,
          help: 'Leave out graphic detail. Your counselor reads it first; nothing is shared until you have gone over it together.',
        },
      ),
      checklist(
        'letter_covers',
        'Read your letter again. Which of these does it do? Choose all that apply.',
        [
          ['names_what_i_did', 'Says plainly what I did'],
          ['owns_choice', 'Says it was my choice'],
          ['names_secrecy', 'Names the lies and the hiding'],
          ['names_cost', 'Names what it has cost my partner'],
          ['no_blame', 'Puts no blame on my partner'],
          ['what_i_will_do', 'Says what I am doing now so it does not happen again'],
        ],
        { forRole: 'broke_trust', audience: 'counselor_only', required: false },
      ),
      scale('hard_to_write', 'How hard was it to write this?', 'Easy', 'The hardest thing I have written', {
        forRole: 'broke_trust',
        audience: 'counselor_only',
        help: 'The middle of the scale means "hard, but I could do it".',
      }),
      longText('need_to_hear', 'What do you most need your partner to own in their letter?', {
        forRole: 'hurt',
        audience: 'counselor_only',
        maxLength: 2000,
      }),
      singleChoice(
        'how_to_receive',
        'When the letter is ready, how would you like to receive it?',
        [
          ['read_in_session', 'Read it in session, with the counselor there'],
          ['hear_it_read', 'Hear my partner read it aloud in session'],
          ['read_alone_first', 'Read it on my own first, then talk in session'],
          ['not_ready', 'I am not ready to receive it yet'],
        ],
        { forRole: 'hurt', audience: 'counselor_only' },
      ),
      scale('ready_to_hear', 'How ready do you feel to hear it?', 'Not ready at all', 'Completely ready', {
        forRole: 'hurt',
        audience: 'counselor_only',
        help: 'The middle of the scale means "partly ready". There is no rush.',
      }),
    ],
  },
  {
    key: 'impact-letter',
    title: 'An impact letter',
    strategy: 'honest_talk',
    phase: 'crisis_and_impact',
    coercionSensitive: false,
    purpose:
      'The partner who was hurt puts into words what this has done to them; the partner who broke trust gets ready to hear it without defending.',
    instructions:
      'Only your counselor reads what you write here, and goes over it with you before anything is shared. If you were hurt, write to your partner about what this has done to you: your days, your nights, how you see yourself and your past. If you broke trust, you do not write a letter; get ready to listen. Answer separately.',
    estimatedMinutes: 30,
    version: 1,
    prompts: [
      longText('letter', 'Write your letter to your partner about what this has done to you.', {
        forRole: 'hurt',
        audience: 'counselor_only',
        maxLength: 5000,
        help: 'Say it your way. Anger and sadness are welcome. Your counselor reads it first; nothing is shared until you are ready.',
      }),
      checklist(
        'areas_hit',
        'Where has it hit you the hardest? Choose all that apply.',
        [
          ['sleep', 'Sleep'],
          ['body', 'My body and health'],
          ['work', 'Work or study'],
          ['self_worth', 'How I see myself'],
          ['memories', 'Memories of our past together'],
          ['friends_family', 'Friends and family'],
          ['faith', 'Faith or what I believe in'],
        ],
        { forRole: 'hurt', audience: 'counselor_only', required: false },
      ),
      scale(
        'letter_ready',
        'How close is your letter to saying what you need to say?',
        'Just a start',
        'It says it all',
        {
          forRole: 'hurt',
          audience: 'counselor_only',
          help: 'The middle of the scale means "about halfway".',
        },
      ),
      longText(
        'how_i_will_listen',
        'When you hear your partner’s letter, what will you do to listen without explaining or defending?',
        { forRole: 'broke_trust', audience: 'counselor_only', maxLength: 1500 },
      ),
      checklist(
        'urges',
        'Which urges might come up while you listen? Choose any that apply.',
        [
          ['defend', 'To defend myself'],
          ['explain', 'To explain why'],
          ['minimize', 'To say it was not that bad'],
          ['shut_down', 'To shut down or go numb'],
          ['leave', 'To leave the room'],
          ['get_angry', 'To get angry'],
        ],
        { forRole: 'broke_trust', audience: 'counselor_only', required: false },
      ),
      scale('ready_to_listen', 'How ready do you feel to listen?', 'Not ready at all', 'Completely ready', {
        forRole: 'broke_trust',
        audience: 'counselor_only',
        help: 'The middle of the scale means "partly ready".',
      }),
    ],
  },
  {
    key: 'trigger-plan',
    title: 'When the hurt comes back: a plan',
    strategy: 'patience',
    phase: 'crisis_and_impact',
    coercionSensitive: false,
    purpose:
      'Make a plan for the moments when the hurt floods back, so that both of you know what to say and do instead of fighting.',
    instructions:
      'After trust is broken, the pain often comes back without warning: a song, a date, a late text. That is normal and does not mean you are going backwards. If you were hurt, name what sets it off and what helps. If you broke trust, plan how you will answer with care. Answer separately; you will put the plan together in session.',
    estimatedMinutes: 15,
    version: 1,
    prompts: [
      checklist(
        'triggers',
        'What tends to bring the hurt back? Choose any that apply.',
        [
          ['places', 'Certain places'],
          ['dates', 'Dates or times of year'],
          ['phone', 'Your phone lighting up or being turned away'],
          ['late', 'Plans changing or you being late'],
          ['name', 'A name, a song or a show'],
          ['alone', 'Being alone at night'],
          ['something_else', 'Something else'],
        ],
        { forRole: 'hurt', minSelected: 1 },
      ),
      longText('first_signs', 'What are the first signs, in your body or your mind, that the hurt is coming back?', {
        forRole: 'hurt',
        maxLength: 1500,
      }),
      longText('words_to_use', 'What words could you use to tell your partner it is happening?', {
        forRole: 'hurt',
        maxLength: 800,
        help: 'For example: "I am having a hard moment about what happened."',
      }),
      singleChoice(
        'what_helps',
        'In that moment, what do you need most from your partner?',
        [
          ['stay_close', 'Stay close and stay calm'],
          ['listen', 'Listen, without explaining'],
          ['space', 'Give me some space, then check on me'],
          ['reassurance', 'Tell me plainly where they are and what is true now'],
          ['save_for_session', 'Help me save my questions for session'],
        ],
        { forRole: 'hurt' },
      ),
      longText('my_response', 'When your partner tells you the hurt is back, what will you say and do?', {
        forRole: 'broke_trust',
        maxLength: 1500,
        help: 'Steer clear of "I thought we were past this" or "How long will this take?". Those words push the hurt deeper.',
      }),
      checklist(
        'tempted_to_say',
        'Which of these might you be tempted to say or do in that moment? Choose any that apply.',
        [
          ['past_this', '"I thought we were past this"'],
          ['how_long', '"How long will this go on?"'],
          ['already_sorry', '"I already said sorry"'],
          ['defend', 'Defend myself or explain'],
          ['leave', 'Walk away'],
        ],
        { forRole: 'broke_trust', audience: 'counselor_only', required: false },
      ),
      scale(
        'stay_steady',
        'How steady do you think you can stay when it happens?',
        'Not steady at all',
        'Very steady',
        {
          forRole: 'broke_trust',
          audience: 'counselor_only',
          help: 'The middle of the scale means "some days".',
        },
      ),
    ],
  },
  {
    key: 'transparency-agreement',
    title: 'A transparency agreement',
    strategy: 'openness',
    phase: 'crisis_and_impact',
    coercionSensitive: true,
    purpose:
      'Draft what the partner who broke trust will freely share for a while, including what happens if the other person gets in touch.',
    instructions:
      'Openness is offered, never forced. This is a draft: your counselor goes over it with you both in session, and it lasts for a set time before you look at it again. It is never a way to control who the other sees, what they spend or where they go. If you broke trust, say what you will offer. If you were hurt, say what would help. Answer separately.',
    estimatedMinutes: 10,
    version: 1,
    prompts: [
      checklist(
        'offer',
        'What are you willing to offer for now? Choose any that apply.',
        [
          ['end_contact', 'End contact with the person, in a short message we agree on in session'],
          ['tell_if_contact', 'Tell my partner if the person gets in touch'],
          ['plans', 'Share my plans, and say when they change'],
          ['answer_in_session', 'Answer questions honestly in session'],
          ['no_new_secrets', 'Keep no new secrets about this'],
        ],
        { forRole: 'broke_trust', minSelected: 1 },
      ),
      longText(
        'if_contact',
        'If the person gets in touch, what will you do, and how soon will you tell your partner?',
        { forRole: 'broke_trust', maxLength: 1500 },
      ),
      longText('what_would_settle', 'For now, what openness from your partner would help you feel more settled?', {
        forRole: 'hurt',
        maxLength: 1500,
      }),
      singleChoice(
        'hear_about_contact',
        'If the person gets in touch with your partner, how do you want to hear about it?',
        [
          ['same_day', 'Told the same day, at a calm moment'],
          ['in_session', 'Told in our next session'],
          ['not_sure', 'I am not sure yet'],
        ],
        { forRole: 'hurt' },
      ),
      singleChoice('how_long', 'How long should this agreement last before you look at it again together?', [
        ['two_weeks', 'Two weeks'],
        ['one_month', 'One month'],
        ['three_months', 'Three months'],
        ['decide_in_session', 'Decide in session'],
      ]),
      scale(
        'free_to_say_no',
        'How free do you feel to say no to anything in this agreement?',
        'Not free at all',
        'Completely free',
        { audience: 'counselor_only', help: 'The middle of the scale means "somewhat free".' },
      ),
    ],
  },
  {
    key: 'two-minute-check-in',
    title: 'The two-minute daily check-in',
    strategy: 'consistency',
    phase: 'crisis_and_impact',
    // A daily talk at home without the counselor in the room.
    coercionSensitive: true,
    purpose: 'Keep a small, steady daily contact that does not turn into another long talk about what happened.',
    instructions:
      'Once a day, sit together for two minutes. Each of you says one feeling and one thing you need today, and the other only says "thank you". Do not talk about what happened during the check-in; keep that for session or a time you agreed on. Skip a day if it does not feel right. After a week, answer these questions on your own.',
    estimatedMinutes: 5,
    version: 1,
    prompts: [
      singleChoice('days_done', 'How many days did you do the check-in this week?', [
        ['most', 'Most days'],
        ['some', 'Some days'],
        ['once', 'Once'],
        ['none', 'Not at all'],
      ]),
      singleChoice(
        'stayed_short',
        'Did the check-ins stay short and away from what happened?',
        [
          ['yes', 'Yes'],
          ['mostly', 'Mostly'],
          ['often_not', 'Often they turned into a long or hard talk'],
          ['not_done', 'We did not do them'],
        ],
        { audience: 'counselor_only' },
      ),
      scale('felt_calm', 'How calm did the check-ins feel?', 'Not calm at all', 'Very calm', {
        required: false,
        audience: 'counselor_only',
        help: 'The middle of the scale means "some were, some were not".',
      }),
      longText('heard_this_week', 'What is one thing your partner said in a check-in that mattered to you?', {
        required: false,
        maxLength: 800,
      }),
    ],
  },
  {
    key: 'questions-for-session',
    title: 'The questions I need answered',
    strategy: 'honest_talk',
    phase: 'crisis_and_impact',
    coercionSensitive: false,
    purpose:
      'Help the partner who was hurt get ready to ask what they need to know, in session, where the answers can be heard safely.',
    instructions:
      'Questions about what happened are normal and deserve honest answers. They go best in session, not late at night at home. Do not write the questions or any details here: just say what kinds of questions you have, so your counselor can make room for them. Only your counselor reads these answers. Answer separately.',
    estimatedMinutes: 10,
    version: 1,
    prompts: [
      checklist(
        'kinds_of_questions',
        'What kinds of questions do you need answered? Choose all that apply.',
        [
          ['when_how_long', 'When it started and how long it went on'],
          ['who_knew', 'Who else knew'],
          ['lies', 'What was not true in what I was told'],
          ['is_it_over', 'Whether it is really over'],
          ['why', 'Why it happened'],
          ['health', 'My health and safety'],
          ['something_else', 'Something else'],
        ],
        { forRole: 'hurt', audience: 'counselor_only', minSelected: 1 },
      ),
      singleChoice(
        'how_to_ask',
        'How would you like to ask them?',
        [
          ['next_session', 'In our next session'],
          ['over_sessions', 'A few at a time, over several sessions'],
          ['counselor_first', 'With my counselor on my own first'],
          ['not_ready', 'I am not ready to ask yet'],
        ],
        { forRole: 'hurt', audience: 'counselor_only' },
      ),
      scale(
        'weighing_on_me',
        'How much are the unanswered questions weighing on you?',
        'Hardly at all',
        'All the time',
        {
          forRole: 'hurt',
          audience: 'counselor_only',
          help: 'The middle of the scale means "often".',
        },
      ),
      scale(
        'ready_to_answer',
        'How ready are you to answer honestly in session, even when the answer is hard to say?',
        'Not ready at all',
        'Completely ready',
        { forRole: 'broke_trust', audience: 'counselor_only', help: 'The middle of the scale means "partly ready".' },
      ),
      singleChoice(
        'no_more_surprises',
        'Is there anything your partner may still learn later that your counselor should hear about first?',
        [
          ['no', 'No'],
          ['yes', 'Yes'],
          ['not_sure', 'I am not sure'],
        ],
        { forRole: 'broke_trust', audience: 'counselor_only' },
      ),
      longText('hard_to_answer', 'What makes answering hard for you?', {
        forRole: 'broke_trust',
        audience: 'counselor_only',
        required: false,
        maxLength: 1500,
      }),
    ],
  },
  {
    key: 'limits-on-talking-about-it',
    title: 'Limits on talking about it',
    strategy: 'agreed_boundaries',
    phase: 'crisis_and_impact',
    // An agreement about talking at home: it must not become a way to silence either partner.
    coercionSensitive: true,
    purpose:
      'Agree on when and for how long to talk about what happened, so talks help instead of going round in circles.',
    instructions:
      'Long talks late at night about what happened often leave both of you worse off. A limit is not a ban: either of you can always bring it to session, and the partner who was hurt is never told to stop needing answers. Suggest limits you would keep yourself. Your counselor goes over them with you both in session. Answer separately.',
    estimatedMinutes: 10,
    version: 1,
    prompts: [
      singleChoice('how_long', 'At home, how long should a talk about what happened last, at most?', [
        ['fifteen', 'Fifteen minutes'],
        ['thirty', 'Half an hour'],
        ['forty_five', 'Forty-five minutes'],
        ['session_only', 'We should keep it for session for now'],
      ]),
      checklist(
        'not_when',
        'When should you not talk about it? Choose any that apply.',
        [
          ['late_night', 'Late at night'],
          ['children', 'When the children can hear'],
          ['drinking', 'After drinking'],
          ['driving', 'While driving'],
          ['work', 'When one of us is at work'],
          ['public', 'In public'],
        ],
        { required: false },
      ),
      longText(
        'pause_signal',
        'What word or sign will either of you use to pause a talk, and when will you come back to it?',
        { maxLength: 800 },
      ),
      scale('talks_now', 'How do talks about it at home go right now?', 'Very badly', 'Well', {
        audience: 'counselor_only',
        help: 'The middle of the scale means "some go well, some do not".',
      }),
    ],
  },
  {
    key: 'caring-for-yourself',
    title: 'Taking care of yourself through this',
    strategy: 'personal_growth',
    phase: 'crisis_and_impact',
    coercionSensitive: false,
    purpose:
      'Help the partner who was hurt look after body and mind in the first weeks, and the other partner help in practical ways.',
    instructions:
      'Shock wears the body down: sleep, food and work often suffer. If you were hurt, this is about small, kind things you can do for yourself. If you broke trust, this is about quiet, practical help that asks for nothing back. Answer on your own.',
    estimatedMinutes: 10,
    version: 1,
    prompts: [
      checklist(
        'basics',
        'Which basics have been hard since you found out? Choose any that apply.',
        [
          ['sleep', 'Sleeping'],
          ['eating', 'Eating'],
          ['work', 'Getting through work'],
          ['moving', 'Moving my body'],
          ['friends', 'Seeing friends'],
          ['alone_time', 'Time on my own'],
        ],
        { forRole: 'hurt', audience: 'counselor_only', required: false },
      ),
      longText('one_kind_thing', 'What is one kind thing you will do for yourself each day this week?', {
        forRole: 'hurt',
        maxLength: 800,
      }),
      singleChoice(
        'who_to_turn_to',
        'Besides your partner, who can you turn to on a bad day?',
        [
          ['friend', 'A friend'],
          ['family', 'Family'],
          ['counselor', 'My own counselor or doctor'],
          ['group', 'A support group'],
          ['no_one_yet', 'No one yet'],
        ],
        { forRole: 'hurt', audience: 'counselor_only' },
      ),
      scale('coping', 'How are you coping, day to day?', 'Barely', 'Well', {
        forRole: 'hurt',
        audience: 'counselor_only',
        help: 'The middle of the scale means "getting by".',
      }),
      longText('practical_help', 'What practical help will you offer this week, without asking for anything back?', {
        forRole: 'broke_trust',
        maxLength: 800,
        help: 'For example: meals, school runs, or quiet time for your partner.',
      }),
      singleChoice(
        'when_space_asked',
        'If your partner asks for time alone, how do you expect to respond?',
        [
          ['give_it', 'Give it without fuss'],
          ['hard_but_give', 'Find it hard, but give it'],
          ['struggle', 'Struggle not to follow or push'],
        ],
        { forRole: 'broke_trust', audience: 'counselor_only' },
      ),
      scale('own_steadiness', 'How steady are you, so that you can keep showing up?', 'Not steady', 'Very steady', {
        forRole: 'broke_trust',
        audience: 'counselor_only',
        help: 'The middle of the scale means "some days".',
      }),
    ],
  },
  {
    key: 'together-or-apart',
    title: 'Deciding together or apart',
    strategy: 'shared_values',
    phase: 'moving_on',
    coercionSensitive: false,
    purpose: 'Think about whether to build a future together or part with care, without being rushed either way.',
    instructions:
      'Big decisions are best made once the first shock has passed, and staying and parting can both be done with care. Your counselor can help either way. Only your counselor reads these answers, so you can be honest about where you lean. Answer on your own.',
    estimatedMinutes: 15,
    version: 1,
    prompts: [
      scale('leaning', 'Right now, which way are you leaning?', 'Parting', 'Staying together', {
        audience: 'counselor_only',
        help: 'The middle of the scale means "I do not know yet".',
      }),
      checklist(
        'what_matters',
        'What matters most to you as you think about it? Choose up to three.',
        [
          ['children', 'Our children'],
          ['trust_returning', 'Whether trust is coming back'],
          ['love', 'The love between us'],
          ['my_wellbeing', 'My own wellbeing'],
          ['home_money', 'Our home and money'],
          ['faith_values', 'My faith or values'],
          ['family_friends', 'Family and friends'],
        ],
        { audience: 'counselor_only', minSelected: 1, maxSelected: 3 },
      ),
      longText('what_would_need', 'What would need to be true for you to want to stay?', {
        audience: 'counselor_only',
        maxLength: 2000,
      }),
      singleChoice(
        'time_alone',
        'Would you like some time with your counselor on your own about this?',
        [
          ['yes', 'Yes'],
          ['maybe', 'Maybe'],
          ['no', 'No'],
        ],
        { audience: 'counselor_only' },
      ),
    ],
  },
];
