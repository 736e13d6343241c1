import { describe, expect, it } from '@jest/globals';
import { SESSION_CHECK_OUT, validateMeasureDefinition } from '@trellis/domain';
import type { MeasureDetail } from '@trellis/contracts';
import {
  blankMeasure,
  definitionOf,
  draftFrom,
  itemIdFromLabel,
  measureInputOf,
  measureProblems,
  scoringSummary,
} from './measureInput';

const filled = () => ({
  ...blankMeasure(),
  title: ' Closeness ',
  items: [
    { key: 'a', id: '', label: 'I felt close.', reverse: false },
    { key: 'b', id: '', label: 'I held back.', reverse: true },
    { key: 'c', id: 'close', label: 'Close again', reverse: false },
  ],
  maxMissing: '1',
  clinicalCutoff: '15.5',
});

describe('measure editor input', () => {
  it('builds a valid definition with ids from the wording and the range from the scale', () => {
    const input = measureInputOf(filled());
    expect(input.title).toBe('Closeness');
    expect(input.definition.items.map((item) => item.id)).toEqual(['i-felt-close', 'i-held-back', 'close']);
    expect(input.definition.range).toEqual({ min: 0, max: 30 });
    expect(input.definition.reliableChange).toBeNull();
    expect(validateMeasureDefinition(input.definition)).toEqual([]);
    expect(measureProblems(input)).toEqual({});
  });

  it('works out a mean range', () => {
    expect(definitionOf({ ...filled(), method: 'mean' }).range).toEqual({ min: 0, max: 10 });
  });

  it('names problems as the API does, one message per field', () => {
    const problems = measureProblems(
      measureInputOf({ ...filled(), title: ' ', scaleMax: '', maxMissing: '3', clinicalCutoff: '40' }),
    );
    expect(Object.keys(problems).sort()).toEqual(
      ['definition.scale.max', 'definition.scoring.maxMissing', 'title'].sort(),
    );
    const cutoff = measureProblems(measureInputOf({ ...filled(), clinicalCutoff: '40' }));
    expect(Object.keys(cutoff)).toEqual(['definition.clinicalCutoff']);
  });

  it('makes unique ids, even from wording without letters', () => {
    expect(itemIdFromLabel('Felt heard, today?', [])).toBe('felt-heard-today');
    expect(itemIdFromLabel('Felt heard', ['felt-heard'])).toBe('felt-heard-2');
    expect(itemIdFromLabel('10/10', [])).toBe('item-10-10');
    expect(itemIdFromLabel('', [])).toBe('item');
  });

  it('round-trips an existing measure for its next version', () => {
    const detail = {
      id: 'm',
      key: SESSION_CHECK_OUT.key,
      kind: SESSION_CHECK_OUT.kind,
      title: SESSION_CHECK_OUT.title,
      description: SESSION_CHECK_OUT.description,
      source: 'builtin',
      currentVersion: 1,
      itemCount: 4,
      range: SESSION_CHECK_OUT.definition.range,
      higherIsBetter: true,
      clinicalCutoff: null,
      reliableChange: null,
      definition: SESSION_CHECK_OUT.definition,
      versions: [],
    } as MeasureDetail;
    expect(definitionOf(draftFrom(detail))).toEqual(SESSION_CHECK_OUT.definition);
  });

  it('keeps an item’s own scale through a new version', () => {
    const own = { min: 0, max: 6, minLabel: 'Extremely unhappy', maxLabel: 'Perfect' };
    const definition = {
      ...SESSION_CHECK_OUT.definition,
      items: SESSION_CHECK_OUT.definition.items.map((item, i) => (i === 0 ? { ...item, scale: own } : item)),
      range: { min: 0, max: 9 },
    };
    expect(validateMeasureDefinition(definition)).toEqual([]);
    const detail = { title: 'x', description: '', kind: 'alliance', definition } as unknown as MeasureDetail;
    expect(definitionOf(draftFrom(detail))).toEqual(definition);
  });

  it('sums up the scoring rule in a sentence', () => {
    expect(scoringSummary(SESSION_CHECK_OUT.definition)).toBe(
      'Mean of 4 items (0–10), every item must be answered. Higher is better.',
    );
    expect(scoringSummary(definitionOf(filled()))).toBe(
      'Sum of 3 items (0–30), up to 1 may be skipped. Higher is better.',
    );
  });
});
