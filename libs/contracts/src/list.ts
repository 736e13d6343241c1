export type SortOrder = 'ASC' | 'DESC';

/** Every list endpoint answers `{ data, total }`; the dashboard's dataProvider relies on it. */
export interface ListResponse<T> {
  data: T[];
  total: number;
}

export const MAX_PER_PAGE = 100;
