/** Longest stable id we accept for prompts, options and exercises. */
export const SLUG_MAX_LENGTH = 64;

/**
 * A stable slug: lowercase letters and digits, single `_` or `-` separators, starting with a letter.
 * Once published, a slug never changes: answers, assignments and analytics are keyed by it.
 */
export const SLUG_PATTERN = /^[a-z][a-z0-9]*(?:[_-][a-z0-9]+)*$/;

export function isSlug(value: unknown): value is string {
  return typeof value === 'string' && value.length <= SLUG_MAX_LENGTH && SLUG_PATTERN.test(value);
}
