import type { ApiTokenScope, ApiTokenSummary } from '@trellis/contracts';
import { apiTokenExpiryProblem } from '@trellis/domain';

export const API_TOKENS_PATH = '/api-tokens';

export const SCOPE_LABELS: Record<ApiTokenScope, string> = {
  read: 'Read only',
  read_write: 'Read and write',
};

/** How long a new token lives unless the admin picks otherwise. */
export const DEFAULT_LIFETIME_DAYS = 90;

/** `YYYY-MM-DD` `days` from `now`, in local time: a date input's value. */
export const dateInDays = (days: number, now: Date = new Date()): string => {
  const date = new Date(now.getFullYear(), now.getMonth(), now.getDate() + days);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
};

/** A date input's day, as the instant the token stops: the end of that local day. */
export const expiryFromDay = (day: string): string | null => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return null;
  const [y, m, d] = day.split('-').map(Number);
  const end = new Date(y, m - 1, d, 23, 59, 59);
  return Number.isNaN(end.getTime()) ? null : end.toISOString();
};

/** The same rule the API applies (libs/domain), so the form says it before the server does. */
export const expiryProblem = (day: string, now: Date = new Date()): string | null => {
  const iso = expiryFromDay(day);
  return iso ? apiTokenExpiryProblem(new Date(iso), now) : 'must be a date';
};

export type TokenStatus = 'active' | 'expired' | 'revoked';

export const tokenStatus = (token: Pick<ApiTokenSummary, 'revokedAt' | 'expiresAt'>, now = new Date()): TokenStatus =>
  token.revokedAt ? 'revoked' : new Date(token.expiresAt) <= now ? 'expired' : 'active';
