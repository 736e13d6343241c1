/**
 * The longest an API token may live. A credential that never expires outlives the integration
 * (and the person) it was made for; a year makes someone look at it again.
 */
export const API_TOKEN_MAX_LIFETIME_DAYS = 366;

const DAY_MS = 24 * 3600 * 1000;

/**
 * Why this expiry is not allowed for a new API token, or null when it is: it must lie in the
 * future and at most API_TOKEN_MAX_LIFETIME_DAYS away. The API refuses with this message and the
 * dashboard's form shows the same one.
 */
export function apiTokenExpiryProblem(expiresAt: Date, now: Date): string | null {
  if (Number.isNaN(expiresAt.getTime())) return 'must be a date-time';
  if (expiresAt.getTime() <= now.getTime()) return 'must be in the future';
  if (expiresAt.getTime() - now.getTime() > API_TOKEN_MAX_LIFETIME_DAYS * DAY_MS) {
    return `must be at most ${API_TOKEN_MAX_LIFETIME_DAYS} days away`;
  }
  return null;
}
