import type { ApiAnswer, ApiMethod, ApiRequestBody, ApiRouteFor } from '@trellis/contracts';
import type { AnswerMap } from '@trellis/domain';
import { type HomeworkLink, type HomeworkView, toHomeworkLink, toHomeworkView } from './homework-data';
import { parseProblem, retryAfterMs } from './problem';

const API_ROOT = '/api/v1/homework';
const TIMEOUT_MS = 20_000;

export type ApiFailure = {
  ok: false;
  /** The HTTP status, or 0 when no answer came (offline, timeout, blocked). */
  status: number;
  message: string;
  fieldErrors: Record<string, string>;
  retryAfterMs?: number;
};

export type ApiResult<T> = { ok: true; data: T } | ApiFailure;

/** The partner's routes, as the OpenAPI document names them (without `/homework`). */
type HomeworkRoute<M extends ApiMethod> =
  ApiRouteFor<M> extends infer R ? (R extends `/homework${infer Rest}` ? Rest : never) : never;

interface RequestOptions<T, Body> {
  /** Typed by the document: a changed request schema is a compile error here. */
  body?: Body;
  /** Turns a 2xx body into data; undefined means "not what the contract promised". */
  read: (body: unknown) => T | undefined;
  /** Let the request outlive the page (a save as the tab is hidden or closed). */
  keepalive?: boolean;
}

const failure = (status: number, body?: unknown, retryAfter?: string | null): ApiFailure => {
  const { message, fieldErrors } = parseProblem(status, body);
  const wait = retryAfterMs(retryAfter, Date.now());
  return { ok: false, status, message, fieldErrors, ...(wait === undefined ? {} : { retryAfterMs: wait }) };
};

/**
 * The response this page loaded. Sent back on every save: if another partner started a session in
 * this browser meanwhile, the API refuses (409) instead of writing into their homework.
 */
let boundResponseId: string | null = null;

const HTTP_METHODS = { get: 'GET', post: 'POST', put: 'PUT' } as const;

/** A partner's homework route, typed by the OpenAPI document (its body; its answer via `read`). */
const request = <T, M extends 'get' | 'post' | 'put', P extends HomeworkRoute<M>>(
  verb: M,
  path: P,
  options: RequestOptions<T, ApiRequestBody<`/homework${P}` & ApiRouteFor<M>, M>>,
): Promise<ApiResult<T>> => send(HTTP_METHODS[verb], API_ROOT, path, options);

const send = async <T>(
  method: 'GET' | 'POST' | 'PUT',
  root: string,
  path: string,
  { body, read, keepalive = false }: RequestOptions<T, unknown>,
): Promise<ApiResult<T>> => {
  const headers: Record<string, string> = { Accept: 'application/json, application/problem+json' };
  // A custom header cross-site forms cannot send: the API refuses state changes without it.
  if (method !== 'GET') headers['x-homework-csrf'] = '1';
  if (method !== 'GET' && String(path).startsWith('/current') && boundResponseId)
    headers['x-homework-response'] = boundResponseId;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const payload = body === undefined ? undefined : JSON.stringify(body);
  const controller = new AbortController();
  const timeout = setTimeout(() => controller.abort(), TIMEOUT_MS);
  let response: Response;
  try {
    response = await fetch(root + path, {
      method,
      headers,
      body: payload,
      credentials: 'same-origin',
      cache: 'no-store',
      // The homework token travels in bodies, never in a Referer.
      referrerPolicy: 'no-referrer',
      signal: controller.signal,
      // Browsers refuse keepalive bodies over 64 KiB; a long draft goes as an ordinary request.
      keepalive: keepalive && payload !== undefined && new TextEncoder().encode(payload).length < 60_000,
    });
  } catch {
    clearTimeout(timeout);
    return failure(0);
  }
  let json: unknown;
  try {
    const text = await response.text();
    json = text === '' ? undefined : JSON.parse(text);
  } catch {
    json = undefined;
  } finally {
    clearTimeout(timeout);
  }
  if (!response.ok) return failure(response.status, json, response.headers.get('Retry-After'));
  const data = read(json);
  // A 200 that is not what the contract promised (a captive portal's page, say) is an outage.
  return data === undefined ? failure(502) : { ok: true, data };
};

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A timestamp from a JSON response, or "now" when the server left it out (the save still
 * happened). Not JSON at all (a captive portal's page answering 200) is not a save.
 */
const stamp =
  <K extends string>(key: K) =>
  (body: unknown): Record<K, string> | undefined =>
    isRecord(body)
      ? ({ [key]: typeof body[key] === 'string' ? body[key] : new Date().toISOString() } as Record<K, string>)
      : undefined;

/**
 * Who the link is for. Changes nothing server-side, so an email scanner opening the page is
 * harmless. Every refusal (expired, revoked, unknown) is the same 404.
 */
export const lookUpLink = (token: string): Promise<ApiResult<HomeworkLink>> =>
  request('post', '/link', { body: { token }, read: toHomeworkLink });

/** The partner's own "Yes, that's me": the API sets the homework session cookie. */
export const startSession = (token: string): Promise<ApiResult<true>> =>
  request('post', '/session', { body: { token }, read: () => true });

export const fetchHomework = (): Promise<ApiResult<HomeworkView>> =>
  request('get', '/current', {
    read: (body) => {
      if (isRecord(body) && typeof body.responseId === 'string') boundResponseId = body.responseId;
      return toHomeworkView(body);
    },
  });

// The answers' keys come from the document, so a renamed timestamp is a compile error.
type DraftSaved = Pick<ApiAnswer<'/homework/current/draft', 'put'>, 'savedAt'>;
type Submitted = Pick<ApiAnswer<'/homework/current/submit', 'post'>, 'submittedAt'>;

export const saveDraft = (answers: AnswerMap, { keepalive = false } = {}): Promise<ApiResult<DraftSaved>> =>
  request('put', '/current/draft', { body: { answers }, read: stamp('savedAt'), keepalive });

export const submitAnswers = (answers: AnswerMap): Promise<ApiResult<Submitted>> =>
  request('post', '/current/submit', { body: { answers }, read: stamp('submittedAt') });

/** Always 202 with the same message, whether or not the address has homework. */
export const requestFreshLink = (email: string): Promise<ApiResult<true>> =>
  request('post', '/fresh-link', { body: { email }, read: () => true });

/** The POST routes under a prefix of the OpenAPI document, without it (`/check-ins` → `/link`, `/submit`). */
type PostRouteUnder<Prefix extends string> =
  ApiRouteFor<'post'> extends infer R ? (R extends `${Prefix}${infer Rest}` ? Rest : never) : never;

/**
 * A check-in request (`/api/v1/check-ins/*`): the link's token travels in the body of each one,
 * with the same timeouts, CSRF header and problem reading as homework. Path and body are typed by
 * the OpenAPI document: a renamed route or changed request schema is a compile error.
 */
export const checkInRequest = <T, P extends PostRouteUnder<'/check-ins'>>(
  path: P,
  body: ApiRequestBody<`/check-ins${P}` & ApiRouteFor<'post'>, 'post'>,
  read: (body: unknown) => T | undefined,
) => send('POST', '/api/v1/check-ins', path, { body, read });

/** A weekly agreement review request (`/api/v1/agreement-reviews/*`), the token in the body, as check-ins. */
export const agreementReviewRequest = <T, P extends PostRouteUnder<'/agreement-reviews'>>(
  path: P,
  body: ApiRequestBody<`/agreement-reviews${P}` & ApiRouteFor<'post'>, 'post'>,
  read: (body: unknown) => T | undefined,
) => send('POST', '/api/v1/agreement-reviews', path, { body, read });

/** "I don't feel safe doing this exercise": only the counselor is told. */
export const reportNotSafe = (): Promise<ApiResult<{ reportedAt: string }>> =>
  request('post', '/current/not-safe', { body: {}, read: stamp('reportedAt') });
