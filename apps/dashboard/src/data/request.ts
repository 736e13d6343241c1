import { HttpError } from 'react-admin';
import { parseProblem } from './problem';

export const API_ROOT = '/api/v1';

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export interface RequestOptions {
  method?: HttpMethod;
  query?: URLSearchParams;
  /** Serialized as JSON when present. */
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

export interface ApiResponse<T> {
  status: number;
  headers: Headers;
  json: T;
}

const readBody = async (response: Response): Promise<unknown> => {
  const raw = await response.text();
  if (raw === '') return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
};

/** `Retry-After` in seconds (the API sends delta-seconds; an HTTP date is converted). */
export const retryAfterSeconds = (header: string | null, now: number = Date.now()): number | undefined => {
  if (!header) return undefined;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - now) / 1000));
};

/**
 * One call to the API without CSRF handling (see httpClient for that). Failures become react-admin
 * `HttpError`s whose `body.errors` is `{ [field]: message }`, which is what makes create and edit
 * forms put server-side validation messages under the right inputs.
 */
export const request = async <T>(path: string, options: RequestOptions = {}): Promise<ApiResponse<T>> => {
  const { method = 'GET', query, body, signal } = options;
  const headers = new Headers({ Accept: 'application/json, application/problem+json', ...options.headers });
  if (body !== undefined) headers.set('Content-Type', 'application/json');
  const search = query?.toString();

  let response: Response;
  try {
    response = await fetch(`${API_ROOT}${path}${search ? `?${search}` : ''}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
      signal,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    // fetch rejects only when no answer came back at all; "Failed to fetch" helps nobody.
    throw new HttpError('Trellis cannot be reached right now. Check your connection and try again.', 0);
  }

  const parsed = await readBody(response);
  if (!response.ok) {
    const { message, fieldErrors, problem } = parseProblem(response.status, parsed);
    const hasFieldErrors = Object.keys(fieldErrors).length > 0;
    // Only set `errors` when there are some: react-admin treats any `errors` object as "validation
    // failed" and would then skip the error notification.
    const body = {
      ...problem,
      errors: hasFieldErrors ? fieldErrors : undefined,
      // Lockouts say how long to wait; HttpError keeps no headers, so carry it in the body.
      retryAfterSeconds: retryAfterSeconds(response.headers.get('retry-after')),
    };
    throw new HttpError(message, response.status, body);
  }
  return { status: response.status, headers: response.headers, json: parsed as T };
};
