import type { ApiPathParams } from '@trellis/contracts';

/**
 * A path of the OpenAPI document with its `{parameters}` filled in, each encoded:
 * `/couples/{id}` → `/couples/3f…`. The parameters it needs are read from the path's type.
 */
export const apiPath = <R extends string>(route: R, params: ApiPathParams<R>): string =>
  route.replace(/\{(\w+)\}/g, (_match, name: string) => encodeURIComponent((params as Record<string, string>)[name]));
