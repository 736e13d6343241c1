import type { SortPayload } from 'react-admin';

/** The caseload's yes/no filters: present as `true`, absent otherwise (never `false`). */
export const CASELOAD_TOGGLES = {
  hasOverdue: 'Overdue homework',
  needsReview: 'Needs review',
} as const;
export type CaseloadToggle = keyof typeof CASELOAD_TOGGLES;

/** The filters `GET /couples` knows; anything else in the list state would be a 400. */
export const CASELOAD_FILTERS = ['q', 'status', 'hasOverdue', 'needsReview', 'therapistId'] as const;

export const CASELOAD_SORTS = [
  { field: 'nextSessionAt', order: 'ASC', label: 'Next session, soonest first' },
  { field: 'lastActivityAt', order: 'DESC', label: 'Latest activity first' },
  { field: 'displayName', order: 'ASC', label: 'Name, A to Z' },
] as const satisfies ReadonlyArray<SortPayload & { label: string }>;

export const DEFAULT_CASELOAD_SORT: SortPayload = { field: 'nextSessionAt', order: 'ASC' };

/** Turns a toggle on (`true`) or off (removed, so the URL and the request stay clean). */
export const toggleCaseloadFilter = (
  filterValues: Record<string, unknown>,
  toggle: CaseloadToggle,
): Record<string, unknown> => {
  const { [toggle]: current, ...rest } = filterValues;
  return current === true ? rest : { ...rest, [toggle]: true };
};

/**
 * The list state as the API wants it: known filters only, blanks and switched-off toggles left
 * out, and the therapist filter only for admins (the API refuses it from therapists).
 */
export const caseloadFilter = (filterValues: Record<string, unknown>, isAdmin: boolean): Record<string, unknown> =>
  Object.fromEntries(
    CASELOAD_FILTERS.filter((key) => isAdmin || key !== 'therapistId')
      .map((key) => [key, filterValues[key]] as const)
      .filter(([key, value]) => {
        if (value === undefined || value === null || value === '') return false;
        if (key === 'hasOverdue' || key === 'needsReview') return value === true || value === 'true';
        return true;
      })
      .map(([key, value]) => [key, key === 'hasOverdue' || key === 'needsReview' ? true : value]),
  );

/** Whether any filter beyond the default view is on (for the "nothing matches" message). */
export const hasCaseloadFilters = (filterValues: Record<string, unknown>): boolean =>
  Object.keys(caseloadFilter(filterValues, true)).length > 0;
