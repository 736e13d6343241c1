import type {
  CreateParams,
  DataProvider,
  DeleteManyParams,
  DeleteParams,
  GetListParams,
  GetManyParams,
  GetManyReferenceParams,
  GetOneParams,
  Identifier,
  RaRecord,
  UpdateManyParams,
  UpdateParams,
} from 'react-admin';
import type { ApiAnswer, ApiPathParams, ApiRequestBody, ApiRouteFor, AssignmentSummary } from '@trellis/contracts';
import { apiPath, callApi } from './api';
import { httpClient } from './httpClient';
import { appendFilters, changedFields, listQuery } from './query';
import { resourceRoute } from './resources';

interface ListBody<R> {
  data: R[];
  total: number;
}

/** A route of RESOURCE_ROUTES with its `{id}` filled in (encoded). */
const routePath = (route: string, id?: Identifier) => apiPath(route, { id: String(id) });

/** What a screen can tell `create` and `delete` through react-admin's `meta`. */
export interface WriteMeta {
  /**
   * A sub-resource the API writes through instead of the record itself, keeping react-admin's
   * cache in step: `create` posts to `/<resource>/<subresource>` (`POST /staff/invitations`),
   * `delete` sends `DELETE /<resource>/<id>/<subresource>` (revoking an invitation removes the
   * invitee, so for the staff list it is a deletion).
   */
  subresource?: string;
}

const subresourceOf = (meta: unknown): string | undefined => (meta as WriteMeta | undefined)?.subresource;

/**
 * Records that live under another record in the API (`/couples/<id>/notes`). Given as `meta` to
 * getList (unpaged: these lists are short and the API answers them whole) and to create.
 */
export interface ParentMeta {
  parent: { resource: string; id: Identifier };
}

/** The couple a ParentMeta names (the only parent the API has), or undefined without one. */
const parentIdOf = (meta: unknown): Identifier | undefined => {
  const parent = (meta as Partial<ParentMeta> | undefined)?.parent;
  if (!parent) return undefined;
  if (parent.resource !== 'couples') throw new Error(`No API routes under ${parent.resource}`);
  return parent.id;
};

/** react-admin's methods plus the API's actions that are not reads or writes of one record. */
export interface TrellisDataProvider extends DataProvider {
  /** `POST /staff/<id>/invitation/resend`: emails the invitation link again (a new link). */
  resendInvitation(id: Identifier): Promise<void>;
  /**
   * A POST for the API's verbs on one record (sign a note, cancel or review homework, resend a
   * partner's link), named by its route in the OpenAPI document: `act('/notes/{id}/sign', { id })`.
   * Parameters are encoded; the body and the answer are typed by the document.
   */
  act<R extends ApiRouteFor<'post'>>(
    route: R,
    params: ApiPathParams<R>,
    body?: ApiRequestBody<R, 'post'>,
  ): Promise<ApiAnswer<R, 'post'>>;
  /**
   * `POST /assignments`: one exercise to one or more couples at once. Not `create`: the answer is
   * a list (one homework per couple), not one record.
   */
  /** `POST /assignments`, its body and answer typed by the OpenAPI document. */
  assignHomework(body: ApiRequestBody<'/assignments', 'post'>): Promise<AssignmentSummary[]>;
}

/**
 * Maps react-admin onto the API's routes, each taken from RESOURCE_ROUTES (resources.ts, checked
 * against the OpenAPI document), so a renamed route is a compile error and an unlisted one a
 * thrown error rather than a guessed path:
 * - getList / getManyReference: `GET /<resource>?page&perPage&sort&order&<filters>` → `{ data, total }`;
 *   with `meta.parent`, `GET /<parent>/<id>/<resource>` (see ParentMeta)
 * - getOne: `GET /<resource>/<id>` → the record
 * - getMany: `GET /<resource>?ids=a,b` → `{ data }`. One request instead of one per id; the API
 *   must answer every listed id it may show (unpaged) and silently leave out the rest.
 * - create: `POST /<resource>`, update: `PATCH /<resource>/<id>` with changed fields only,
 *   delete: `DELETE /<resource>/<id>`; the *Many variants fan out, the API has no bulk routes.
 *   `meta.subresource` redirects create and delete (see WriteMeta).
 */
export const dataProvider: TrellisDataProvider = {
  // Lets react-query cancel list requests the user has already navigated away from.
  supportAbortSignal: true,

  async getList<R extends RaRecord>(resource: string, params: GetListParams) {
    const parentId = parentIdOf(params.meta);
    if (parentId !== undefined) {
      const path = routePath(resourceRoute(resource, 'listInCouple'), parentId);
      const { json } = await httpClient<ListBody<R>>(path, { signal: params.signal });
      return { data: json.data, total: json.total };
    }
    const query = listQuery(params);
    const path = routePath(resourceRoute(resource, 'list'));
    const { json } = await httpClient<ListBody<R>>(path, { query, signal: params.signal });
    return { data: json.data, total: json.total };
  },

  async getOne<R extends RaRecord>(resource: string, params: GetOneParams) {
    const { json } = await httpClient<R>(routePath(resourceRoute(resource, 'one'), params.id), {
      signal: params.signal,
    });
    return { data: json };
  },

  async getMany<R extends RaRecord>(resource: string, params: GetManyParams) {
    if (params.ids.length === 0) return { data: [] };
    const query = new URLSearchParams({ ids: params.ids.map(String).join(',') });
    const path = routePath(resourceRoute(resource, 'list'));
    const { json } = await httpClient<ListBody<R>>(path, { query, signal: params.signal });
    return { data: json.data };
  },

  async getManyReference<R extends RaRecord>(resource: string, params: GetManyReferenceParams) {
    const query = appendFilters(listQuery(params), { [params.target]: params.id });
    const path = routePath(resourceRoute(resource, 'list'));
    const { json } = await httpClient<ListBody<R>>(path, { query, signal: params.signal });
    return { data: json.data, total: json.total };
  },

  async create<R extends RaRecord>(resource: string, params: CreateParams) {
    const parentId = parentIdOf(params.meta);
    const path =
      parentId !== undefined
        ? routePath(resourceRoute(resource, 'createInCouple'), parentId)
        : routePath(resourceRoute(resource, 'create', subresourceOf(params.meta)));
    const { json } = await httpClient<R>(path, { method: 'POST', body: params.data });
    return { data: json };
  },

  async update<R extends RaRecord>(resource: string, params: UpdateParams) {
    const changes = changedFields(params.data, params.previousData);
    // Nothing to send: skip the write (and the audit event it would cause).
    if (Object.keys(changes).length === 0) return { data: params.previousData as R };
    const path = routePath(resourceRoute(resource, 'update'), params.id);
    const { json } = await httpClient<R>(path, { method: 'PATCH', body: changes });
    return { data: json };
  },

  async updateMany(resource: string, params: UpdateManyParams) {
    const route = resourceRoute(resource, 'update');
    await Promise.all(params.ids.map((id) => httpClient(routePath(route, id), { method: 'PATCH', body: params.data })));
    return { data: params.ids };
  },

  async delete<R extends RaRecord>(resource: string, params: DeleteParams) {
    const path = routePath(resourceRoute(resource, 'remove', subresourceOf(params.meta)), params.id);
    await httpClient<void>(path, { method: 'DELETE' });
    return { data: (params.previousData ?? { id: params.id }) as R };
  },

  async deleteMany(resource: string, params: DeleteManyParams) {
    const route = resourceRoute(resource, 'remove');
    await Promise.all(params.ids.map((id) => httpClient(routePath(route, id), { method: 'DELETE' })));
    return { data: params.ids };
  },

  async resendInvitation(id: Identifier) {
    await callApi('post', '/staff/{id}/invitation/resend', { params: { id: String(id) } });
  },

  async assignHomework(body: ApiRequestBody<'/assignments', 'post'>): Promise<AssignmentSummary[]> {
    return (await callApi('post', '/assignments', { params: {}, body })).data;
  },

  act<R extends ApiRouteFor<'post'>>(route: R, params: ApiPathParams<R>, body?: ApiRequestBody<R, 'post'>) {
    return callApi('post', route, { params, body });
  },
};
