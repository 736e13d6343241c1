import type { ApiAnswer, ApiRequestBody, ApiRouteFor } from '@trellis/contracts';

/**
 * The react-admin resources and the API routes their CRUD calls reach, checked against the OpenAPI
 * document's generated types: a route the API drops or renames stops the dashboard compiling, and
 * each resource's records and bodies are typed as the document describes them (ResourceRecord,
 * ListRecord, CreateBody, UpdateBody). The dataProvider builds every request from this table at run
 * time (a resource or operation missing here is an error, not a guessed path).
 *
 * - `list`, `one`, `create`, `update`, `remove`: `GET /<resource>`, `GET|PATCH|DELETE /<resource>/{id}`,
 *   `POST /<resource>`.
 * - `listInCouple`, `createInCouple`: the same under a couple (`ParentMeta`, `/couples/{id}/notes`).
 * - `createVia`, `removeVia`: a sub-resource the API writes through instead (`WriteMeta`).
 */
export const RESOURCE_ROUTES = {
  couples: { list: '/couples', one: '/couples/{id}', create: '/couples', update: '/couples/{id}' },
  assignments: { one: '/assignments/{id}', update: '/assignments/{id}', listInCouple: '/couples/{id}/assignments' },
  'assignment-series': {
    create: '/assignment-series',
    update: '/assignment-series/{id}',
    listInCouple: '/couples/{id}/assignment-series',
  },
  exercises: {
    list: '/exercises',
    one: '/exercises/{id}',
    create: '/exercises',
    update: '/exercises/{id}',
    remove: '/exercises/{id}',
  },
  measures: { list: '/measures', one: '/measures/{id}', create: '/measures' },
  notes: {
    one: '/notes/{id}',
    update: '/notes/{id}',
    remove: '/notes/{id}',
    listInCouple: '/couples/{id}/notes',
    createInCouple: '/couples/{id}/notes',
  },
  programs: { list: '/programs', one: '/programs/{id}', create: '/programs', update: '/programs/{id}' },
  digests: { list: '/digests', one: '/digests/{id}' },
  staff: {
    list: '/staff',
    one: '/staff/{id}',
    update: '/staff/{id}',
    createVia: { invitations: '/staff/invitations' },
    removeVia: { invitation: '/staff/{id}/invitation' },
  },
  audit: { list: '/audit' },
} as const satisfies Record<string, ResourceRoutes>;

/** The routes one resource may have (see RESOURCE_ROUTES). */
export interface ResourceRoutes {
  list?: ApiRouteFor<'get'>;
  one?: ApiRouteFor<'get'>;
  create?: ApiRouteFor<'post'>;
  update?: ApiRouteFor<'patch'>;
  remove?: ApiRouteFor<'delete'>;
  listInCouple?: ApiRouteFor<'get'>;
  createInCouple?: ApiRouteFor<'post'>;
  createVia?: Record<string, ApiRouteFor<'post'>>;
  removeVia?: Record<string, ApiRouteFor<'delete'>>;
}

type Operation = Exclude<keyof ResourceRoutes, 'createVia' | 'removeVia'>;

/**
 * The route of `operation` on `resource`, from RESOURCE_ROUTES; throws for one the table does not
 * list, so a screen asking for a route the API does not have fails loudly instead of guessing.
 */
export const resourceRoute = (resource: string, operation: Operation, via?: string): string => {
  const routes: ResourceRoutes | undefined = (RESOURCE_ROUTES as Record<string, ResourceRoutes>)[resource];
  const route =
    via === undefined
      ? routes?.[operation]
      : operation === 'create'
        ? routes?.createVia?.[via]
        : operation === 'remove'
          ? routes?.removeVia?.[via]
          : undefined;
  if (!route) throw new Error(`No API route for ${operation} of ${resource}${via ? ` via ${via}` : ''}`);
  return route;
};

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
