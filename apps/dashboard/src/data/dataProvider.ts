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
import type { ApiRequestBody, AssignmentSummary } from '@trellis/contracts';
import { callApi } from './api';
import { httpClient } from './httpClient';
import { appendFilters, changedFields, listQuery } from './query';

interface ListBody<R> {
  data: R[];
  total: number;
}

const recordPath = (resource: string, id: Identifier) => `/${resource}/${encodeURIComponent(String(id))}`;

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

const subresourceOf = (meta: unknown): string | undefined => {
  const subresource = (meta as WriteMeta | undefined)?.subresource;
  return subresource ? `/${encodeURIComponent(subresource)}` : undefined;
};

/**
 * Records that live under another record in the API (`/couples/<id>/notes`). Given as `meta` to
 * getList (unpaged: these lists are short and the API answers them whole) and to create.
 */
export interface ParentMeta {
  parent: { resource: string; id: Identifier };
}

const parentPathOf = (meta: unknown): string | undefined => {
  const parent = (meta as Partial<ParentMeta> | undefined)?.parent;
  return parent ? recordPath(parent.resource, parent.id) : undefined;
};

/** react-admin's methods plus the API's actions that are not reads or writes of one record. */
export interface TrellisDataProvider extends DataProvider {
  /** `POST /staff/<id>/invitation/resend`: emails the invitation link again (a new link). */
  resendInvitation(id: Identifier): Promise<void>;
  /**
   * `POST /<resource>/<id>/<action…>` for the API's verbs on one record (sign a note, cancel or
   * review homework, resend a partner's link). Each segment is encoded; answers the response body.
   */
  act<T = unknown>(resource: string, id: Identifier, action: readonly string[], body?: unknown): Promise<T>;
  /**
   * `POST /assignments`: one exercise to one or more couples at once. Not `create`: the answer is
   * a list (one homework per couple), not one record.
   */
  /** `POST /assignments`, its body and answer typed by the OpenAPI document. */
  assignHomework(body: ApiRequestBody<'/assignments', 'post'>): Promise<AssignmentSummary[]>;
}

/**
 * Maps react-admin onto the API conventions (`/api/v1/<resource>`):
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
    const parentPath = parentPathOf(params.meta);
    if (parentPath) {
      const { json } = await httpClient<ListBody<R>>(`${parentPath}/${resource}`, { signal: params.signal });
      return { data: json.data, total: json.total };
    }
    const query = listQuery(params);
    const { json } = await httpClient<ListBody<R>>(`/${resource}`, { query, signal: params.signal });
    return { data: json.data, total: json.total };
  },

  async getOne<R extends RaRecord>(resource: string, params: GetOneParams) {
    const { json } = await httpClient<R>(recordPath(resource, params.id), { signal: params.signal });
    return { data: json };
  },

  async getMany<R extends RaRecord>(resource: string, params: GetManyParams) {
    if (params.ids.length === 0) return { data: [] };
    const query = new URLSearchParams({ ids: params.ids.map(String).join(',') });
    const { json } = await httpClient<ListBody<R>>(`/${resource}`, { query, signal: params.signal });
    return { data: json.data };
  },

  async getManyReference<R extends RaRecord>(resource: string, params: GetManyReferenceParams) {
    const query = appendFilters(listQuery(params), { [params.target]: params.id });
    const { json } = await httpClient<ListBody<R>>(`/${resource}`, { query, signal: params.signal });
    return { data: json.data, total: json.total };
  },

  async create<R extends RaRecord>(resource: string, params: CreateParams) {
    const parentPath = parentPathOf(params.meta);
    const path = parentPath ? `${parentPath}/${resource}` : `/${resource}${subresourceOf(params.meta) ?? ''}`;
    const { json } = await httpClient<R>(path, { method: 'POST', body: params.data });
    return { data: json };
  },

  async update<R extends RaRecord>(resource: string, params: UpdateParams) {
    const changes = changedFields(params.data, params.previousData);
    // Nothing to send: skip the write (and the audit event it would cause).
    if (Object.keys(changes).length === 0) return { data: params.previousData as R };
    const { json } = await httpClient<R>(recordPath(resource, params.id), { method: 'PATCH', body: changes });
    return { data: json };
  },

  async updateMany(resource: string, params: UpdateManyParams) {
    await Promise.all(
      params.ids.map((id) => httpClient(recordPath(resource, id), { method: 'PATCH', body: params.data })),
    );
    return { data: params.ids };
  },

  async delete<R extends RaRecord>(resource: string, params: DeleteParams) {
    await httpClient<void>(`${recordPath(resource, params.id)}${subresourceOf(params.meta) ?? ''}`, {
      method: 'DELETE',
    });
    return { data: (params.previousData ?? { id: params.id }) as R };
  },

  async deleteMany(resource: string, params: DeleteManyParams) {
    await Promise.all(params.ids.map((id) => httpClient(recordPath(resource, id), { method: 'DELETE' })));
    return { data: params.ids };
  },

  async resendInvitation(id: Identifier) {
    await httpClient<void>(`${recordPath('staff', id)}/invitation/resend`, { method: 'POST' });
  },

  async assignHomework(body: ApiRequestBody<'/assignments', 'post'>): Promise<AssignmentSummary[]> {
    return (await callApi('post', '/assignments', { params: {}, body })).data;
  },

  async act<T>(resource: string, id: Identifier, action: readonly string[], body?: unknown) {
    const suffix = action.map((segment) => `/${encodeURIComponent(segment)}`).join('');
    const { json } = await httpClient<T>(`${recordPath(resource, id)}${suffix}`, { method: 'POST', body });
    return json;
  },
};
