import { describe, expect, it } from '@jest/globals';
import { apiPath } from './apiPath';

describe('apiPath', () => {
  it('fills each parameter of a document path, encoded', () => {
    expect(apiPath('/couples/{id}/measures/{measureId}/responses', { id: 'a/b', measureId: 'c d' })).toBe(
      '/couples/a%2Fb/measures/c%20d/responses',
    );
    expect(apiPath('/couples', {})).toBe('/couples');
  });
});
