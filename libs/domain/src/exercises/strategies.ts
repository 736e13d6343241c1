/**
 * The fifteen trust-rebuilding strategies of the seed article ("Rebuilding trust in your
 * relationship"), in the article's order. Keys are stable (stored on every exercise); names and
 * summaries are our own short wording of each section, for the dashboard and the homework page.
 */
export const STRATEGIES = [
  {
    key: 'honest_talk',
    name: 'Honest talk',
    summary: 'Saying what is true for you, and listening to what is true for your partner.',
  },
  {
    key: 'apology',
    name: 'Owning the hurt',
    summary: 'A sincere apology that names what happened and its impact, followed by changed behavior.',
  },
  {
    key: 'patience',
    name: 'Patience with the pace',
    summary: 'Accepting that trust returns gradually and giving each other time.',
  },
  {
    key: 'agreed_boundaries',
    name: 'Boundaries we agree on',
    summary: 'Deciding together which behavior is and is not okay, so both feel secure.',
  },
  {
    key: 'consistency',
    name: 'Keeping promises',
    summary: 'Being reliable day after day, so words and actions match.',
  },
  {
    key: 'seeking_help',
    name: 'Asking for support',
    summary: 'Reaching out to a counselor and others when the work feels too heavy alone.',
  },
  {
    key: 'learning_from_past',
    name: 'Learning from what happened',
    summary: 'Understanding the patterns behind the breach so they can change.',
  },
  {
    key: 'empathy',
    name: 'Empathy and understanding',
    summary: "Seeing the situation through your partner's eyes and caring about their feelings.",
  },
  {
    key: 'openness',
    name: 'Everyday openness',
    summary: 'Transparency about feelings, plans and decisions instead of secrets.',
  },
  {
    key: 'communication',
    name: 'Communication skills',
    summary: 'Listening closely, speaking clearly and leaving out blame and defensiveness.',
  },
  {
    key: 'personal_growth',
    name: 'Personal growth',
    summary: 'Each partner working on their own habits, emotions and wellbeing.',
  },
  {
    key: 'good_times',
    name: 'Making good memories',
    summary: 'Creating new, enjoyable experiences together alongside the hard work.',
  },
  {
    key: 'forgiveness',
    name: 'Working toward forgiveness',
    summary: 'Letting go of grudges over time, without pretending the hurt did not happen.',
  },
  {
    key: 'shared_values',
    name: 'Shared values',
    summary: 'Reconnecting with what first brought you together and what you both still care about.',
  },
  {
    key: 'small_wins',
    name: 'Celebrating small wins',
    summary: 'Noticing and appreciating every small step forward.',
  },
] as const satisfies ReadonlyArray<{ key: string; name: string; summary: string }>;

export type Strategy = (typeof STRATEGIES)[number];
export type StrategyKey = Strategy['key'];

export const STRATEGY_KEYS: readonly StrategyKey[] = STRATEGIES.map((strategy) => strategy.key);

export function isStrategyKey(value: unknown): value is StrategyKey {
  return typeof value === 'string' && (STRATEGY_KEYS as readonly string[]).includes(value);
}

export function getStrategy(key: StrategyKey): Strategy {
  const strategy = STRATEGIES.find((candidate) => candidate.key === key);
  if (!strategy) throw new RangeError(`Unknown strategy: ${key}`);
  return strategy;
}
