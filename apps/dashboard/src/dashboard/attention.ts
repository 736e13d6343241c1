/** `GET /home` answers at most this many rows per list; past it, the caseload filter has them all. */
export const HOME_LIST_LIMIT = 20;

/** "Alex", "Alex and Sam", "Alex, Sam and Kim". */
export const joinNames = (names: readonly string[]): string =>
  names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;

/** Who an overdue homework still waits for, or undefined when the API names nobody. */
export const waitingForText = (names: readonly string[]): string | undefined =>
  names.length > 0 ? `Waiting for ${joinNames(names)}` : undefined;

/** A list's count for its heading: "20+" when the API cut the list off. */
export const countLabel = (count: number, limit = HOME_LIST_LIMIT): string =>
  count >= limit ? `${limit}+` : String(count);

/** The caseload with a filter on, as a link (react-admin reads the filter from the URL). */
export const caseloadLink = (filter: Record<string, unknown>): string =>
  `/couples?filter=${encodeURIComponent(JSON.stringify(filter))}`;
