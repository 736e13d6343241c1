import { HttpError } from 'react-admin';
import { request } from '../data/request';
import type { SessionResponse } from './types';

// The CSRF token lives only in memory: never in storage a script injection could read later.
// `undefined` = not asked yet, `null` = the server said there is no session.
let current: SessionResponse | null | undefined;
let inFlight: Promise<SessionResponse | null> | undefined;

/** Asks the API who is signed in; concurrent callers share one request. */
export const fetchSession = (): Promise<SessionResponse | null> => {
  inFlight ??= request<SessionResponse>('/auth/session')
    .then(
      ({ json }) => (current = json),
      (error: unknown) => {
        if (error instanceof HttpError && error.status === 401) return (current = null);
        throw error;
      },
    )
    .finally(() => {
      inFlight = undefined;
    });
  return inFlight;
};

export const knownSession = (): SessionResponse | null | undefined => current;

/** The session as last seen, asking the API only when nothing is known yet. */
export const getSession = async (): Promise<SessionResponse | null> =>
  current === undefined ? fetchSession() : current;

export const forgetSession = (): void => {
  current = null;
};

/**
 * The token from the latest /auth/session answer, fetched when not known yet. When the server
 * has just said "no session" (the sign-in page) there is no token to get: asking again before
 * every sign-in attempt would only cost a request.
 */
export const getCsrfToken = async (): Promise<string | undefined> =>
  current === null ? undefined : (current?.csrfToken ?? (await fetchSession())?.csrfToken);
