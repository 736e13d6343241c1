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
