import { HttpError } from 'react-admin';
import { fetchSession, getCsrfToken } from '../auth/session';
import { request, type ApiResponse, type RequestOptions } from './request';

/**
 * The dashboard's only way to call the API: same-origin cookies, plus the `x-csrf-token` header on
 * every request that can change something.
 */
export const httpClient = async <T>(path: string, options: RequestOptions = {}): Promise<ApiResponse<T>> => {
  if ((options.method ?? 'GET') === 'GET') return request<T>(path, options);

  const token = await getCsrfToken();
  const send = (csrfToken: string | undefined) =>
    request<T>(path, {
      ...options,
      headers: { ...options.headers, ...(csrfToken ? { 'x-csrf-token': csrfToken } : {}) },
    });

  try {
    return await send(token);
  } catch (error) {
    if (!(error instanceof HttpError) || error.status !== 403) throw error;
    // The token changes with the session (sign-in elsewhere, expiry). Only when a fresh session
    // brings a different token was the old one stale; otherwise the 403 is a real refusal.
    const session = await fetchSession();
    // No session at all: the CSRF check failed first, but the user is signed out. Say 401 so
    // react-admin sends them to the sign-in page rather than showing "not allowed".
    if (!session) throw new HttpError('Please sign in again.', 401, error.body);
    if (session.csrfToken === token) throw error;
    return send(session.csrfToken);
  }
};
