import type { BuiltInMeasure, ResponseScale } from './measure.types';

const NOT_AT_ALL_TO_COMPLETELY: ResponseScale = { min: 0, max: 10, minLabel: 'Not at all', maxLabel: 'Completely' };

/**
 * The weekly check-in: how trust and connection felt this week, one partner at a time. Trellis's own
 * wording, not a published instrument, so it has no validated clinical cutoff or reliable-change
 * index; the off-track rules use the clinic's own drop threshold for it. One item is worded the
 * other way round (reverse-scored) so a partner answering on autopilot shows up in the items.
 */
export const TRUST_AND_CONNECTION_CHECK_IN: BuiltInMeasure = {
  key: 'trust-and-connection',
  kind: 'outcome',
  title: 'Weekly trust and connection check-in',
  description: 'Five quick questions about how trust and closeness felt this week. Higher is better (0–50).',
  version: 1,
  definition: {
    instructions:
      'Think about the past seven days with your partner. Answer for yourself: your partner answers separately.',
    items: [
      { id: 'counted-on', label: 'I could count on my partner to do what they said they would.', reverse: false },
      { id: 'safe-to-speak', label: 'I felt safe bringing up something that mattered to me.', reverse: false },
      { id: 'close', label: 'I felt close to my partner.', reverse: false },
      {
        id: 'found-our-way-back',
        label: 'When things got tense, we found our way back to each other.',
        reverse: false,
      },
      { id: 'kept-to-myself', label: 'I kept things to myself to avoid an argument.', reverse: true },
    ],
    scale: NOT_AT_ALL_TO_COMPLETELY,
    scoring: { method: 'sum', maxMissing: 1 },
    range: { min: 0, max: 50 },
    higherIsBetter: true,
    clinicalCutoff: null,
    reliableChange: null,
  },
};

/**
 * The session check-out: how the session went, asked right after it (the working alliance). A mean,
 * so the score reads on the same 0–10 as each item; every item is needed, there are only four.
 */
export const SESSION_CHECK_OUT: BuiltInMeasure = {
  key: 'session-check-out',
  kind: 'alliance',
  title: 'Session check-out',
  description: 'Four questions on how today’s session went for you. Higher is better (0–10).',
  version: 1,
  definition: {
    instructions: 'A minute on today’s session, so your therapist can adjust. Your partner does not see your answers.',
    items: [
      { id: 'felt-heard', label: 'I felt heard and understood.', reverse: false },
      { id: 'worked-on-what-mattered', label: 'We worked on what mattered most to me.', reverse: false },
      { id: 'approach-fits', label: 'The way we worked today fits me.', reverse: false },
      { id: 'overall', label: 'Overall, today’s session was right for me.', reverse: false },
    ],
    scale: NOT_AT_ALL_TO_COMPLETELY,
    scoring: { method: 'mean', maxMissing: 0 },
    range: { min: 0, max: 10 },
    higherIsBetter: true,
    clinicalCutoff: null,
    reliableChange: null,
  },
};

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/** Every built-in measure, deeply frozen: copy a definition before adapting it. */
export const BUILT_IN_MEASURES: readonly BuiltInMeasure[] = deepFreeze([
  TRUST_AND_CONNECTION_CHECK_IN,
  SESSION_CHECK_OUT,
]);
