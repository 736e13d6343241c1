import type { LoginResponse, TwoFactorChallenge } from './types';

/** Where someone goes when the clinic requires two-factor sign-in and they have not set it up. */
export const ENROLLMENT_PATH = '/setup-two-factor';

/**
 * Thrown by `authProvider.login` when the password was right and the second factor is next.
 * Not a failure: the sign-in page catches it and asks for the code.
 */
export class TwoFactorRequiredError extends Error {
  readonly twoFactorRequired = true;
  constructor() {
    super('Enter the code from your authenticator app.');
    this.name = 'TwoFactorRequiredError';
  }
}

export const isTwoFactorRequired = (error: unknown): error is TwoFactorRequiredError =>
  typeof error === 'object' && error !== null && (error as { twoFactorRequired?: unknown }).twoFactorRequired === true;

export const isTwoFactorChallenge = (answer: LoginResponse | undefined): answer is TwoFactorChallenge =>
  typeof answer === 'object' && answer !== null && (answer as TwoFactorChallenge).twoFactorRequired === true;

/** What the person typed as a 6-digit code, without spaces ("123 456" is how apps show it); else undefined. */
export const normalizeTotpCode = (value: unknown): string | undefined => {
  if (typeof value !== 'string') return undefined;
  const digits = value.replace(/\s+/g, '');
  return /^\d{6}$/.test(digits) ? digits : undefined;
};

/** Validator for the code input, in react-admin's shape (undefined = fine). */
export const validateTotpCode = (value: unknown): string | undefined =>
  value === undefined || value === null || value === '' || normalizeTotpCode(value)
    ? undefined
    : 'Enter the 6 digits your authenticator app shows.';

/** Recovery codes look like `k7mq-3xr9-tb2p`; people paste them with stray spaces or capitals. */
export const normalizeRecoveryCode = (value: unknown): string =>
  typeof value === 'string' ? value.trim().toLowerCase() : '';

/** The manual-entry secret in groups of four, the way authenticator apps expect to be read it. */
export const groupSecret = (secret: string): string =>
  secret
    .replace(/\s+/g, '')
    .toUpperCase()
    .replace(/(.{4})(?=.)/g, '$1 ');

/** "Try again in 3 minutes." from a Retry-After, rounded up so nobody retries a second too early. */
export const waitMessage = (seconds: number | undefined): string => {
  if (seconds === undefined || !Number.isFinite(seconds) || seconds <= 0) return 'Wait a few minutes and try again.';
  if (seconds < 60) return `Try again in ${Math.ceil(seconds)} ${Math.ceil(seconds) === 1 ? 'second' : 'seconds'}.`;
  const minutes = Math.ceil(seconds / 60);
  return `Try again in ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}.`;
};

/** The seconds to wait carried by a 429 HttpError (see data/request.ts), if any. */
export const retryAfterOf = (error: unknown): number | undefined => {
  const body = (error as { body?: { retryAfterSeconds?: unknown } } | undefined)?.body;
  return typeof body?.retryAfterSeconds === 'number' ? body.retryAfterSeconds : undefined;
};

/** The recovery codes as a plain-text block to copy, print or save. */
export const recoveryCodesText = (codes: readonly string[], account?: string): string =>
  [
    `Trellis recovery codes${account ? ` for ${account}` : ''}`,
    'Each code works once, in place of the code from your authenticator app.',
    '',
    ...codes,
    '',
  ].join('\n');

/** Why a sign-in step failed, in words; a lockout says how long to wait. */
export const signInFailureMessage = (error: unknown): string => {
  const status = (error as { status?: unknown } | undefined)?.status;
  if (status === 429) return `Too many attempts. ${waitMessage(retryAfterOf(error))}`;
  const message = (error as { message?: unknown } | undefined)?.message;
  return typeof message === 'string' && message !== '' ? message : 'Signing in did not work. Try again in a moment.';
};

/** The API's answer when the password step is too old (or the account went away): start over. */
export const isExpiredSignInStep = (error: unknown): boolean => {
  const { status, message } = (error ?? {}) as { status?: unknown; message?: unknown };
  return status === 401 && typeof message === 'string' && /^sign in again/i.test(message);
};
