import { BUILT_IN_MEASURES } from './built-in-measures';
import {
  asMeasureDefinition,
  canonicalMeasureDefinition,
  MEASURE_MAX_ITEMS,
  validateMeasureDefinition,
} from './measure-definition-validation';
import { scoreMeasure, scoreRange } from './measure-scoring';

const scale = { min: 0, max: 10, minLabel: 'Not at all', maxLabel: 'Completely' };
const valid = () => ({
  instructions: 'Think about the past week.',
  items: [
    { id: 'trust', label: 'I trusted my partner.', reverse: false },
    { id: 'close', label: 'I felt close.', reverse: false },
    { id: 'held-back', label: 'I held back.', reverse: true },
  ],
  scale: { ...scale },
  scoring: { method: 'sum', maxMissing: 1 },
  range: { min: 0, max: 30 },
  higherIsBetter: true,
  clinicalCutoff: 15.5,
  reliableChange: 5,
});
type Draft = ReturnType<typeof valid> & Record<string, unknown>;
const paths = (definition: unknown) => validateMeasureDefinition(definition).map((p) => p.path);
const with_ = (change: (d: Draft) => void): Draft => {
  const d = valid() as Draft;
  change(d);
  return d;
};

describe('validateMeasureDefinition', () => {
  it('accepts a complete definition', () => {
    expect(validateMeasureDefinition(valid())).toEqual([]);
    expect(asMeasureDefinition(valid())).toEqual(valid());
  });

  it('accepts no cutoff, no reliable change, per-item scales and empty instructions', () => {
    const d = with_((d) => {
      d.clinicalCutoff = null as never;
      d.reliableChange = null as never;
      d.instructions = '';
      d.items[0] = { ...d.items[0], scale: { min: 1, max: 7, minLabel: 'Never', maxLabel: 'Always' } } as never;
      d.range = { min: 1, max: 27 };
    });
    expect(validateMeasureDefinition(d)).toEqual([]);
  });

  it.each([null, [], 'x', 7])('refuses %j as a whole', (definition) => {
    expect(paths(definition)).toEqual(['']);
    expect(asMeasureDefinition(definition)).toBeNull();
  });

  it('names every missing part', () => {
    expect(paths({}).sort()).toEqual(
      [
        'clinicalCutoff',
        'higherIsBetter',
        'instructions',
        'items',
        'range',
        'reliableChange',
        'scale',
        'scoring',
      ].sort(),
    );
  });

  it('refuses unknown fields at every level', () => {
    const d = with_((d) => {
      d['extra'] = 1;
      (d.items[1] as Record<string, unknown>)['weight'] = 2;
      (d.scale as Record<string, unknown>)['step'] = 1;
      (d.scoring as Record<string, unknown>)['zeroMissing'] = true;
      (d.range as Record<string, unknown>)['mid'] = 15;
    });
    expect(paths(d)).toEqual(['extra', 'scale.step', 'items.1.weight', 'scoring.zeroMissing', 'range.mid']);
  });

  describe('items', () => {
    it('need slug ids, unique, with wording and a reverse flag', () => {
      const d = with_((d) => {
        d.items = [
          { id: 'Trust!', label: 'x', reverse: false },
          { id: 'close', label: '  ', reverse: false },
          { id: 'close', label: 'again', reverse: 'yes' as never },
        ];
      });
      expect(paths(d)).toEqual(['items.0.id', 'items.1.label', 'items.2.id', 'items.2.reverse']);
    });

    it(`number from 1 to ${MEASURE_MAX_ITEMS}`, () => {
      expect(paths(with_((d) => (d.items = [])))).toContain('items');
      const many = Array.from({ length: MEASURE_MAX_ITEMS + 1 }, (_, i) => ({
        id: `i${i}`,
        label: `Item ${i}`,
        reverse: false,
      }));
      expect(paths(with_((d) => (d.items = many)))).toContain('items');
    });

    it('with a scale of their own, check that scale', () => {
      const d = with_((d) => {
        d.items[2] = { ...d.items[2], scale: { min: 5, max: 5, minLabel: 'a', maxLabel: '' } } as never;
      });
      expect(paths(d)).toEqual(['items.2.scale.max', 'items.2.scale.maxLabel']);
    });
  });

  describe('scale', () => {
    it.each([
      [{ ...scale, min: -1 }, ['scale.min']],
      [{ ...scale, max: 101 }, ['scale.max']],
      [{ ...scale, min: 0.5 }, ['scale.min']],
      [{ ...scale, min: 10, max: 10 }, ['scale.max']],
      [{ ...scale, minLabel: '' }, ['scale.minLabel']],
      [{ ...scale, maxLabel: 'x'.repeat(81) }, ['scale.maxLabel']],
    ])('refuses %j', (bad, expected) => {
      expect(paths(with_((d) => (d.scale = bad)))).toEqual(expected);
    });
  });

  describe('scoring', () => {
    it('needs sum or mean', () => {
      expect(paths(with_((d) => (d.scoring = { method: 'median', maxMissing: 0 })))).toEqual(['scoring.method']);
    });

    it('needs a whole, non-negative maxMissing that leaves at least one answer', () => {
      expect(paths(with_((d) => (d.scoring.maxMissing = -1)))).toEqual(['scoring.maxMissing']);
      expect(paths(with_((d) => (d.scoring.maxMissing = 1.5)))).toEqual(['scoring.maxMissing']);
      const allMissing = validateMeasureDefinition(with_((d) => (d.scoring.maxMissing = 3)));
      expect(allMissing).toEqual([
        {
          path: 'scoring.maxMissing',
          message: 'At most 2 of the 3 items may be skipped: a score needs at least one answer.',
        },
      ]);
    });
  });

  describe('inconsistent rules', () => {
    it('refuses a range the scoring cannot give, saying what it should be', () => {
      expect(validateMeasureDefinition(with_((d) => (d.range = { min: 0, max: 40 })))).toEqual([
        {
          path: 'range.max',
          message: 'A sum of these items on their scales runs from 0 to 30, so the highest score is 30.',
        },
      ]);
      const mean = with_((d) => (d.scoring.method = 'mean'));
      expect(paths(mean)).toEqual(['range.max', 'clinicalCutoff']);
      const fixed = with_((d) => {
        d.scoring.method = 'mean';
        d.range = { min: 0, max: 10 };
        d.clinicalCutoff = 5;
        d.reliableChange = 2;
      });
      expect(paths(fixed)).toEqual([]);
    });

    it('refuses a mean range written with more than two decimals only when it rounds differently', () => {
      const thirds = with_((d) => {
        d.scoring.method = 'mean';
        d.items[0] = { ...d.items[0], scale: { min: 1, max: 7, minLabel: 'a', maxLabel: 'b' } } as never;
        d.clinicalCutoff = 5;
        d.reliableChange = 2;
      });
      // Mins 1, 0, 0 → 0.33; maxes 7, 10, 10 → 9.
      expect(scoreRange(thirds as never)).toEqual({ min: 0.33, max: 9 });
      expect(paths({ ...thirds, range: { min: 1 / 3, max: 9 } })).toEqual([]);
      expect(paths({ ...thirds, range: { min: 0, max: 9 } })).toEqual(['range.min']);
    });

    it('refuses a cutoff on or outside the range', () => {
      for (const cutoff of [0, 30, -2, 31]) {
        expect(paths(with_((d) => (d.clinicalCutoff = cutoff)))).toEqual(['clinicalCutoff']);
      }
      expect(paths(with_((d) => (d.clinicalCutoff = '15' as never)))).toEqual(['clinicalCutoff']);
    });

    it('refuses a reliable change that is not positive or wider than the range', () => {
      for (const change of [0, -3, 31, '5']) {
        expect(paths(with_((d) => (d.reliableChange = change as never)))).toEqual(['reliableChange']);
      }
      expect(paths(with_((d) => (d.reliableChange = 30)))).toEqual([]);
    });

    it('checks the cutoff against the given range when the items cannot say', () => {
      const d = with_((d) => {
        d.scoring.method = 'average';
        d.clinicalCutoff = 45;
      });
      expect(paths(d)).toEqual(['scoring.method', 'clinicalCutoff']);
    });

    it('needs a direction', () => {
      expect(paths(with_((d) => (d.higherIsBetter = 'yes' as never)))).toEqual(['higherIsBetter']);
    });
  });
});

describe('canonicalMeasureDefinition', () => {
  it('orders the fields and writes the range as the scoring gives it', () => {
    const typed = {
      reliableChange: 2,
      clinicalCutoff: 5,
      higherIsBetter: true,
      range: { max: 9, min: 1 / 3 },
      scoring: { maxMissing: 0, method: 'mean' as const },
      scale: { maxLabel: 'b', minLabel: 'a', max: 10, min: 0 },
      items: [
        { reverse: false, label: 'A', id: 'a', scale: { maxLabel: 'b', minLabel: 'a', max: 7, min: 1 } },
        { reverse: true, label: 'B', id: 'b' },
        { reverse: false, label: 'C', id: 'c' },
      ],
      instructions: '',
    };
    expect(validateMeasureDefinition(typed)).toEqual([]);
    const stored = canonicalMeasureDefinition(typed);
    expect(stored.range).toEqual({ min: 0.33, max: 9 });
    expect(JSON.stringify(stored)).toBe(
      JSON.stringify({
        instructions: '',
        items: [
          { id: 'a', label: 'A', reverse: false, scale: { min: 1, max: 7, minLabel: 'a', maxLabel: 'b' } },
          { id: 'b', label: 'B', reverse: true },
          { id: 'c', label: 'C', reverse: false },
        ],
        scale: { min: 0, max: 10, minLabel: 'a', maxLabel: 'b' },
        scoring: { method: 'mean', maxMissing: 0 },
        range: { min: 0.33, max: 9 },
        higherIsBetter: true,
        clinicalCutoff: 5,
        reliableChange: 2,
      }),
    );
    expect(validateMeasureDefinition(stored)).toEqual([]);
  });

  it('leaves every built-in as it is', () => {
    for (const m of BUILT_IN_MEASURES) expect(canonicalMeasureDefinition(m.definition)).toEqual(m.definition);
  });
});

describe('built-in measures', () => {
  it.each(BUILT_IN_MEASURES.map((m) => [m.key, m] as const))('%s is a valid definition', (_key, measure) => {
    expect(validateMeasureDefinition(measure.definition)).toEqual([]);
  });

  it('have unique keys and start at version 1 or later', () => {
    const keys = BUILT_IN_MEASURES.map((m) => m.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const m of BUILT_IN_MEASURES) expect(m.version).toBeGreaterThanOrEqual(1);
  });

  it('are the weekly check-in (4–6 items, 0–10) and the session check-out (3–4 items)', () => {
    const [checkIn, checkOut] = BUILT_IN_MEASURES;
    expect(checkIn.kind).toBe('outcome');
    expect(checkIn.definition.items.length).toBeGreaterThanOrEqual(4);
    expect(checkIn.definition.items.length).toBeLessThanOrEqual(6);
    expect(checkIn.definition.scale).toMatchObject({ min: 0, max: 10 });
    expect(checkIn.definition.items.some((item) => item.reverse)).toBe(true);
    expect(checkOut.kind).toBe('alliance');
    expect(checkOut.definition.items.map((item) => item.id)).toEqual([
      'felt-heard',
      'worked-on-what-mattered',
      'approach-fits',
      'overall',
    ]);
  });

  it('score a typical week', () => {
    const [checkIn, checkOut] = BUILT_IN_MEASURES;
    const week = { 'counted-on': 7, 'safe-to-speak': 5, close: 6, 'found-our-way-back': 4, 'kept-to-myself': 7 };
    expect(scoreMeasure(checkIn.definition, week).score).toBe(25);
    const session = { 'felt-heard': 9, 'worked-on-what-mattered': 8, 'approach-fits': 7, overall: 8 };
    expect(scoreMeasure(checkOut.definition, session).score).toBe(8);
  });

  it('are frozen, so nobody adapts one in place', () => {
    expect(Object.isFrozen(BUILT_IN_MEASURES[0].definition.items[0])).toBe(true);
  });
});
