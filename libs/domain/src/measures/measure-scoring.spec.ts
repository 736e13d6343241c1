import { validateMeasureAnswers } from './measure-answer-validation';
import { roundScore, scoreBand, scoreMeasure, scoreRange } from './measure-scoring';
import type { MeasureDefinition } from './measure.types';

const scale = { min: 0, max: 10, minLabel: 'Not at all', maxLabel: 'Completely' };

/** Four 0–10 items, the last reverse-scored; sum 0–40, higher is better. */
const connection: MeasureDefinition = {
  instructions: '',
  items: [
    { id: 'trust', label: 'Trust', reverse: false },
    { id: 'close', label: 'Close', reverse: false },
    { id: 'repair', label: 'Repair', reverse: false },
    { id: 'held-back', label: 'Held back', reverse: true },
  ],
  scale,
  scoring: { method: 'sum', maxMissing: 1 },
  range: { min: 0, max: 40 },
  higherIsBetter: true,
  clinicalCutoff: 20.5,
  reliableChange: 6,
};

const asMean = (d: MeasureDefinition, maxMissing = d.scoring.maxMissing): MeasureDefinition => ({
  ...d,
  scoring: { method: 'mean', maxMissing },
  range: { min: 0, max: 10 },
  clinicalCutoff: 5,
});

describe('scoreMeasure', () => {
  it('sums the items, counting a reverse item as min + max − answer', () => {
    const result = scoreMeasure(connection, { trust: 8, close: 7, repair: 6, 'held-back': 2 });
    expect(result.itemScores).toEqual({ trust: 8, close: 7, repair: 6, 'held-back': 8 });
    expect(result.score).toBe(29);
    expect(result).toMatchObject({ answeredCount: 4, missingItemIds: [], prorated: false, band: 'non_clinical' });
  });

  it('takes the mean of the same items for a mean rule', () => {
    expect(scoreMeasure(asMean(connection), { trust: 8, close: 7, repair: 6, 'held-back': 2 }).score).toBe(7.25);
  });

  it('reverses on the item’s own scale when it has one', () => {
    const mixed: MeasureDefinition = {
      ...connection,
      items: [
        { id: 'a', label: 'A', reverse: false, scale: { ...scale, min: 1, max: 7 } },
        { id: 'b', label: 'B', reverse: true, scale: { ...scale, min: 1, max: 7 } },
        { id: 'c', label: 'C', reverse: true },
      ],
      range: { min: 2, max: 24 },
      clinicalCutoff: null,
    };
    // b: 1 + 7 − 2 = 6; c: 0 + 10 − 3 = 7.
    expect(scoreMeasure(mixed, { a: 5, b: 2, c: 3 }).itemScores).toEqual({ a: 5, b: 6, c: 7 });
    expect(scoreMeasure(mixed, { a: 5, b: 2, c: 3 }).score).toBe(18);
    expect(scoreRange(mixed)).toEqual({ min: 2, max: 24 });
  });

  it('the lowest and highest answers reach the ends of the range, reverse items included', () => {
    const worst = scoreMeasure(connection, { trust: 0, close: 0, repair: 0, 'held-back': 10 });
    const best = scoreMeasure(connection, { trust: 10, close: 10, repair: 10, 'held-back': 0 });
    expect([worst.score, best.score]).toEqual([connection.range.min, connection.range.max]);
  });

  describe('missing items', () => {
    it('prorates a sum within the allowance: the missing item counts as the partner’s own mean', () => {
      // Answered (after reversal) 8, 7, 8: mean 23/3, × 4 items = 30.67.
      const result = scoreMeasure(connection, { trust: 8, close: 7, 'held-back': 2 });
      expect(result.score).toBe(30.67);
      expect(result).toMatchObject({ answeredCount: 3, missingItemIds: ['repair'], prorated: true });
    });

    it('treats null as skipped, the same as a missing key', () => {
      const absent = scoreMeasure(connection, { trust: 8, close: 7, 'held-back': 2 });
      const skipped = scoreMeasure(connection, { trust: 8, close: 7, repair: null, 'held-back': 2 });
      expect(skipped).toEqual(absent);
    });

    it('a mean of the answered items is the prorated mean', () => {
      expect(scoreMeasure(asMean(connection), { trust: 8, close: 7, 'held-back': 2 }).score).toBe(7.67);
    });

    it('gives no score when more items are missing than allowed, but keeps the item scores', () => {
      const result = scoreMeasure(connection, { trust: 8, 'held-back': 2 });
      expect(result.score).toBeNull();
      expect(result.band).toBeNull();
      expect(result.prorated).toBe(false);
      expect(result.itemScores).toEqual({ trust: 8, 'held-back': 8 });
      expect(result.missingItemIds).toEqual(['close', 'repair']);
    });

    it('with maxMissing 0 every item is needed', () => {
      const strict = { ...connection, scoring: { method: 'sum' as const, maxMissing: 0 } };
      expect(scoreMeasure(strict, { trust: 8, close: 7, 'held-back': 2 }).score).toBeNull();
      expect(scoreMeasure(strict, { trust: 8, close: 7, repair: 1, 'held-back': 2 }).score).toBe(24);
    });

    it('never scores an empty answer sheet, whatever the allowance', () => {
      const lenient = { ...connection, scoring: { method: 'mean' as const, maxMissing: 3 } };
      expect(scoreMeasure(lenient, {}).score).toBeNull();
      expect(scoreMeasure(lenient, { close: 4 }).score).toBe(4);
    });
  });

  describe('clinical band', () => {
    it('is clinical strictly on the worse side of the cutoff', () => {
      expect(scoreBand(connection, 20)).toBe('clinical');
      expect(scoreBand(connection, 20.5)).toBe('non_clinical');
      expect(scoreBand(connection, 21)).toBe('non_clinical');
      const lowerIsBetter = { ...connection, higherIsBetter: false, clinicalCutoff: 9.5 };
      expect(scoreBand(lowerIsBetter, 10)).toBe('clinical');
      expect(scoreBand(lowerIsBetter, 9)).toBe('non_clinical');
    });

    it('is null without a cutoff', () => {
      const none = { ...connection, clinicalCutoff: null };
      expect(scoreMeasure(none, { trust: 1, close: 1, repair: 1, 'held-back': 9 }).band).toBeNull();
    });

    it('comes out of scoring', () => {
      expect(scoreMeasure(connection, { trust: 2, close: 3, repair: 4, 'held-back': 9 }).band).toBe('clinical');
    });
  });

  describe('refuses answers that did not pass validation', () => {
    it.each([
      [{ trust: 11 }, /outside 0–10/],
      [{ trust: -1 }, /outside 0–10/],
      [{ trust: 2.5 }, /outside 0–10/],
      [{ unknown: 3 }, /No item "unknown"/],
    ])('%j', (answers, message) => {
      expect(() => scoreMeasure(connection, answers)).toThrow(message);
    });

    it('does not read inherited keys as answers', () => {
      const withProto = {
        ...connection,
        items: [...connection.items, { id: 'constructor', label: 'C', reverse: false }],
      };
      const result = scoreMeasure(
        { ...withProto, scoring: { method: 'sum', maxMissing: 1 } },
        {
          trust: 1,
          close: 1,
          repair: 1,
          'held-back': 9,
        },
      );
      expect(result.missingItemIds).toEqual(['constructor']);
    });
  });

  describe('versions', () => {
    it('scores the same answers by the version given, so a new version never changes an old score', () => {
      const v1 = connection;
      // Version 2 turns the last item round and scores by mean: only scores computed with it change.
      const v2: MeasureDefinition = {
        ...asMean(connection),
        items: connection.items.map((item) => ({ ...item, reverse: false })),
      };
      const answers = { trust: 8, close: 7, repair: 6, 'held-back': 2 };
      const before = scoreMeasure(v1, answers);
      expect(scoreMeasure(v2, answers).score).toBe(5.75);
      expect(scoreMeasure(v1, answers)).toEqual(before);
      expect(before.score).toBe(29);
    });
  });
});

describe('scoreRange', () => {
  it('is items × scale for a sum and the scale for a mean', () => {
    expect(scoreRange(connection)).toEqual({ min: 0, max: 40 });
    expect(scoreRange(asMean(connection))).toEqual({ min: 0, max: 10 });
  });
});

describe('roundScore', () => {
  it('keeps two decimals, rounding halves up', () => {
    expect(roundScore(1.005)).toBe(1.01);
    expect(roundScore(30.666666)).toBe(30.67);
    expect(roundScore(-0)).toBe(0);
    expect(Object.is(roundScore(-0.001), -0)).toBe(false);
  });
});

describe('validateMeasureAnswers', () => {
  it('accepts whole numbers on each item’s scale and null for a skipped item', () => {
    expect(validateMeasureAnswers(connection, { trust: 0, close: 10, repair: null })).toEqual([]);
    expect(validateMeasureAnswers(connection, {})).toEqual([]);
  });

  it('names each bad answer by its item id', () => {
    expect(
      validateMeasureAnswers(connection, { trust: 11, close: '7', repair: 2.5, nope: 1, 'held-back': true }),
    ).toEqual([
      { path: 'trust', message: 'Answer with a whole number from 0 to 10, or null to skip the item.' },
      { path: 'close', message: 'Answer with a whole number from 0 to 10, or null to skip the item.' },
      { path: 'repair', message: 'Answer with a whole number from 0 to 10, or null to skip the item.' },
      { path: 'nope', message: 'No item of this measure has this id.' },
      { path: 'held-back', message: 'Answer with a whole number from 0 to 10, or null to skip the item.' },
    ]);
  });

  it.each([null, [], 'answers', 3])('refuses %j as a whole', (answers) => {
    expect(validateMeasureAnswers(connection, answers)).toEqual([
      { path: '', message: 'Answers must be an object keyed by item id.' },
    ]);
  });

  it('answers it accepts always score without throwing', () => {
    const answers = { trust: 3, close: null, repair: 10, 'held-back': 0 };
    expect(validateMeasureAnswers(connection, answers)).toEqual([]);
    expect(() => scoreMeasure(connection, answers)).not.toThrow();
  });
});
