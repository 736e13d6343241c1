import { SLUG_MAX_LENGTH } from '@trellis/domain';

/** Room left for a `-<n>` suffix, so every candidate stays a valid slug (see SLUG_PATTERN). */
const BASE_MAX_LENGTH = SLUG_MAX_LENGTH - 8;

/**
 * The slug an exercise key starts from: "Évening check-in!" → "evening-check-in". A title that
 * yields no letters becomes "exercise", one that starts with a digit "exercise-10-minutes".
 */
export function keyBaseFromTitle(title: string): string {
  let base = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (!/^[a-z]/.test(base)) base = base ? `exercise-${base}` : 'exercise';
  return base.slice(0, BASE_MAX_LENGTH).replace(/-+$/, '');
}

/** `base` if free, else `base-2`, `base-3`…: the first that none of `taken` uses. */
export function firstFreeKey(base: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`;
    if (!used.has(candidate)) return candidate;
  }
}
