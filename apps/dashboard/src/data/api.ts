import type { ApiAnswer, ApiMethod, ApiPathParams, ApiRequestBody, ApiRouteFor } from '@trellis/contracts';
import { apiPath } from './apiPath';
import { httpClient } from './httpClient';

/**
 * Calls named by the OpenAPI document (libs/contracts/src/openapi.generated.ts): the route must be
 * one of its paths for that method, the body its request schema, and the answer comes typed as its
 * success schema. A route the API drops or a body it changes stops the dashboard compiling.
 */

export { apiPath };

interface CallOptions<R extends string, Body> {
  params: ApiPathParams<R>;
  body?: Body;
  query?: URLSearchParams;
  signal?: AbortSignal;
}

const HTTP_METHODS = { get: 'GET', put: 'PUT', post: 'POST', patch: 'PATCH', delete: 'DELETE' } as const;

export const callApi = async <M extends ApiMethod, R extends ApiRouteFor<M>>(
  method: M,
  route: R,
  { params, body, query, signal }: CallOptions<R, ApiRequestBody<R, M>>,
): Promise<ApiAnswer<R, M>> =>
  (await httpClient<ApiAnswer<R, M>>(apiPath(route, params), { method: HTTP_METHODS[method], body, query, signal }))
    .json;

type AsTypedValue<V> = V extends number
  ? V | string
  : V extends readonly (infer E)[]
    ? AsTypedValue<E>[]
    : V extends object
      ? AsTyped<V>
      : V;

/**
 * A body built from a form, where a number field may still hold the text as typed ("soon", "")
 * so the API's 400 names that field under its input rather than the form guessing. Every other
 * field is checked against the document's request schema as usual.
 */
export type AsTyped<Body> = { [K in keyof Body]: AsTypedValue<Body[K]> };

/**
 * Hands an AsTyped body to callApi as the route's request body: the one place a form's unread
 * number text is let through, for the API to refuse by name. Give the body type explicitly:
 * `asTyped<ApiRequestBody<'/programs', 'post'>>(body)`.
 */
export const asTyped = <Body>(body: AsTyped<Body>): Body => body as Body;
