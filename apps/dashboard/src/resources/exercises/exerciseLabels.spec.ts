import { describe, expect, it } from '@jest/globals';
import { checklistHint, lengthHint, strategyChoices, strategyName, strategySummary } from './exerciseLabels';

const options = [
  { id: 'a', label: 'A' },
  { id: 'b', label: 'B' },
  { id: 'c', label: 'C' },
];

describe('exercise labels', () => {
  it('tells the partner how many checklist options to pick', () => {
    expect(checklistHint({ options })).toBe('Choose any that apply.');
    expect(checklistHint({ options, maxSelected: 3 })).toBe('Choose up to 3.');
    expect(checklistHint({ options, minSelected: 1 })).toBe('Choose at least 1 option.');
    expect(checklistHint({ options, minSelected: 1, maxSelected: 3 })).toBe('Choose at least 1 and up to 3.');
    expect(checklistHint({ options, minSelected: 2, maxSelected: 2 })).toBe('Choose 2 options.');
  });

  it('describes the length of a written answer', () => {
    expect(lengthHint({ maxLength: 2000 })).toBe('Up to 2,000 characters');
    expect(lengthHint({ maxLength: 2000, minLength: 50 })).toBe('At least 50 and up to 2,000 characters');
  });

  it('offers the fifteen strategies in the article’s order', () => {
    expect(strategyChoices).toHaveLength(15);
    expect(strategyChoices[0]).toEqual({ id: 'honest_talk', name: 'Honest talk' });
    expect(strategySummary('apology')).toMatch(/apology/);
    expect(strategySummary('nope')).toBeUndefined();
    expect(strategyName('apology')).toBe('Owning the hurt');
    expect(strategyName('new_strategy')).toBe('new_strategy');
  });
});
