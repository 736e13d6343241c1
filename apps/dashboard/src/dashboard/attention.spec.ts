import { describe, expect, it } from '@jest/globals';
import { caseloadLink, countLabel, joinNames, waitingForText } from './attention';

describe('needs-attention lists', () => {
  it('names who an overdue homework waits for', () => {
    expect(waitingForText(['Alex'])).toBe('Waiting for Alex');
    expect(waitingForText(['Alex', 'Sam'])).toBe('Waiting for Alex and Sam');
    expect(waitingForText([])).toBeUndefined();
    expect(joinNames(['A', 'B', 'C'])).toBe('A, B and C');
    expect(joinNames([])).toBe('');
  });

  it('says when the API cut a list off', () => {
    expect(countLabel(3)).toBe('3');
    expect(countLabel(20)).toBe('20+');
  });

  it('links to the caseload with a filter on', () => {
    expect(caseloadLink({ needsReview: true })).toBe('/couples?filter=%7B%22needsReview%22%3Atrue%7D');
  });
});
