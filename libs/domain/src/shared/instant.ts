/**
 * A point in time as the layers around the domain hand it over: a `Date` (TypeORM, the worker),
 * an ISO-8601 string (JSON contracts) or epoch milliseconds.
 */
export type Instant = Date | string | number;

/** Epoch milliseconds of an instant; throws a RangeError naming the field when it is not a valid time. */
export function toEpochMs(value: Instant, field: string): number {
  const ms = value instanceof Date ? value.getTime() : typeof value === 'number' ? value : Date.parse(value);
  if (!Number.isFinite(ms)) {
    throw new RangeError(`${field} is not a valid point in time: ${String(value)}`);
  }
  return ms;
}

/** Same as toEpochMs, but null and undefined mean "not set". */
export function toOptionalEpochMs(value: Instant | null | undefined, field: string): number | null {
  return value === null || value === undefined ? null : toEpochMs(value, field);
}
