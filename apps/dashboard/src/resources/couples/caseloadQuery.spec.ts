import { describe, expect, it } from '@jest/globals';
import { listQuery } from '../../data/query';
import { caseloadFilter, hasCaseloadFilters, toggleCaseloadFilter } from './caseloadQuery';

const query = (filter: Record<string, unknown>, isAdmin = false) =>
  listQuery({
    pagination: { page: 1, perPage: 25 },
    sort: { field: 'nextSessionAt', order: 'ASC' },
    filter: caseloadFilter(filter, isAdmin),
  }).toString();

describe('caseload filters', () => {
  it('asks for the default view (active and paused) with no status at all', () => {
    expect(query({})).toBe('page=1&perPage=25&sort=nextSessionAt&order=ASC');
  });

  it('sends search, status and the switched-on toggles', () => {
    expect(query({ q: 'lee', status: 'all', hasOverdue: true, needsReview: true })).toBe(
      'page=1&perPage=25&sort=nextSessionAt&order=ASC&q=lee&status=all&hasOverdue=true&needsReview=true',
    );
  });

  it('leaves out blanks, switched-off toggles and unknown keys', () => {
    expect(query({ q: '', status: null, hasOverdue: false, needsReview: 'false', page: 3 })).toBe(
      'page=1&perPage=25&sort=nextSessionAt&order=ASC',
    );
    // From a URL the toggles arrive as text.
    expect(caseloadFilter({ hasOverdue: 'true' }, false)).toEqual({ hasOverdue: true });
  });

  it('filters by therapist for admins only (the API refuses it from therapists)', () => {
    expect(query({ therapistId: 't1' }, true)).toBe('page=1&perPage=25&sort=nextSessionAt&order=ASC&therapistId=t1');
    expect(query({ therapistId: 't1' }, false)).toBe('page=1&perPage=25&sort=nextSessionAt&order=ASC');
  });

  it('switches a toggle on and off without leaving false behind', () => {
    const on = toggleCaseloadFilter({ q: 'lee' }, 'hasOverdue');
    expect(on).toEqual({ q: 'lee', hasOverdue: true });
    expect(toggleCaseloadFilter(on, 'hasOverdue')).toEqual({ q: 'lee' });
  });

  it('knows when the view is filtered', () => {
    expect(hasCaseloadFilters({})).toBe(false);
    expect(hasCaseloadFilters({ q: '' })).toBe(false);
    expect(hasCaseloadFilters({ needsReview: true })).toBe(true);
  });
});
