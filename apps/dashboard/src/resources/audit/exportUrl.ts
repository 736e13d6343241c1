import type { SortOrder } from '@trellis/contracts';
import { API_ROOT } from '../../data/request';
import { appendFilters } from '../../data/query';

/** The API's cap on one export; past it, narrow the dates. */
export const AUDIT_EXPORT_LIMIT = 50_000;

/** The audit filters the API knows; anything else in the list's filter state would be a 400. */
export const AUDIT_FILTERS = ['actorId', 'action', 'outcome', 'from', 'to'] as const;

/**
 * `GET /audit/export` with the list's current filters and direction. A plain link is enough: it is
 * a GET, the session cookie goes along, and the browser saves the CSV itself.
 */
export const auditExportUrl = (filter: Record<string, unknown>, order: SortOrder = 'DESC'): string => {
  const known = Object.fromEntries(AUDIT_FILTERS.map((key) => [key, filter[key]]));
  const query = appendFilters(new URLSearchParams({ order }), known);
  return `${API_ROOT}/audit/export?${query.toString()}`;
};
