import type { ApiAnswer, ApiRequestBody, ApiRouteFor } from '@trellis/contracts';

/**
 * The react-admin resources and the API routes their CRUD calls reach (the dataProvider's
 * `/<resource>` and `/<resource>/{id}` convention), checked against the OpenAPI document's generated
 * types: a route the API drops or renames stops the dashboard compiling, and each resource's records
 * and bodies are typed as the document describes them (ResourceRecord, ListRecord, CreateBody,
 * UpdateBody). Types and a constant only: nothing here is called at run time.
 */
export const RESOURCE_ROUTES = {
  couples: { list: '/couples', one: '/couples/{id}', create: '/couples', update: '/couples/{id}' },
  assignments: { one: '/assignments/{id}', update: '/assignments/{id}' },
  exercises: {
    list: '/exercises',
    one: '/exercises/{id}',
    create: '/exercises',
    update: '/exercises/{id}',
    remove: '/exercises/{id}',
  },
  measures: { list: '/measures', one: '/measures/{id}', create: '/measures' },
  notes: { one: '/notes/{id}', update: '/notes/{id}', remove: '/notes/{id}' },
  digests: { list: '/digests', one: '/digests/{id}' },
  staff: { list: '/staff', one: '/staff/{id}', update: '/staff/{id}' },
  audit: { list: '/audit' },
} as const satisfies Record<
  string,
  {
    list?: ApiRouteFor<'get'>;
    one?: ApiRouteFor<'get'>;
    create?: ApiRouteFor<'post'>;
    update?: ApiRouteFor<'patch'>;
    remove?: ApiRouteFor<'delete'>;
  }
>;

type Routes = typeof RESOURCE_ROUTES;
export type ResourceName = keyof Routes;
type WithRoute<K extends string> = { [N in ResourceName]: K extends keyof Routes[N] ? N : never }[ResourceName];
type RouteOf<N extends ResourceName, K extends string> = K extends keyof Routes[N] ? Routes[N][K] : never;

/** A row of the resource's list (`GET /<resource>` answers `{ data, total }`). */
export type ListRecord<N extends WithRoute<'list'>> =
  ApiAnswer<RouteOf<N, 'list'>, 'get'> extends { data: (infer Row)[] } ? Row : never;
/** One record (`GET /<resource>/{id}`). */
export type ResourceRecord<N extends WithRoute<'one'>> = ApiAnswer<RouteOf<N, 'one'>, 'get'>;
/** The body of `POST /<resource>`. */
export type CreateBody<N extends WithRoute<'create'>> = ApiRequestBody<RouteOf<N, 'create'>, 'post'>;
/** The body of `PATCH /<resource>/{id}` (the dataProvider sends only the changed fields). */
export type UpdateBody<N extends WithRoute<'update'>> = ApiRequestBody<RouteOf<N, 'update'>, 'patch'>;
