import type { GetListParams } from 'react-admin';

type Scalar = string | number | boolean;

const isScalar = (value: unknown): value is Scalar =>
  typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';

/**
 * Adds react-admin filters as plain query parameters (`q` included: it is just another filter).
 * Arrays repeat the parameter (`status=active&status=paused`). Empty values are left out so a
 * cleared filter input does not become `?status=`.
 */
export const appendFilters = (query: URLSearchParams, filter: Record<string, unknown> = {}): URLSearchParams => {
  for (const [key, value] of Object.entries(filter)) {
    if (value === undefined || value === null || value === '') continue;
    const values = Array.isArray(value) ? value : [value];
    for (const item of values) {
      // The list convention is flat; a nested filter would be silently ignored by the API.
      if (!isScalar(item)) throw new Error(`Filter "${key}" must be a string, number or boolean.`);
      query.append(key, String(item));
    }
  }
  return query;
};

/** What a list screen can tell the dataProvider through react-admin's `meta`. */
export interface ListMeta {
  /**
   * The API keeps this list in one fixed order (the audit trail: by time) and accepts only its
   * direction: send `order` without `sort`, which it would refuse as an unknown parameter.
   */
  orderOnly?: boolean;
}

/** `?page=1&perPage=25&sort=field&order=ASC&<filters>`: the API's list convention. */
export const listQuery = ({ pagination, sort, filter, meta }: GetListParams): URLSearchParams => {
  const query = new URLSearchParams();
  if (pagination) {
    query.set('page', String(pagination.page));
    query.set('perPage', String(pagination.perPage));
  }
  if (sort?.field) {
    if (!(meta as ListMeta | undefined)?.orderOnly) query.set('sort', sort.field);
    query.set('order', sort.order === 'DESC' ? 'DESC' : 'ASC');
  }
  return appendFilters(query, filter);
};

const sameValue = (a: unknown, b: unknown): boolean =>
  a === b || (typeof a === 'object' && typeof b === 'object' && JSON.stringify(a) === JSON.stringify(b));

/**
 * The fields of `data` that differ from `previous`. PATCH carries only these, so two people editing
 * different fields of one record do not overwrite each other, and the audit log names what changed.
 */
export const changedFields = <T extends object>(data: Partial<T>, previous: Partial<T> | undefined): Partial<T> =>
  Object.fromEntries(
    Object.entries(data).filter(([key, value]) => !sameValue(value, previous?.[key as keyof T])),
  ) as Partial<T>;
