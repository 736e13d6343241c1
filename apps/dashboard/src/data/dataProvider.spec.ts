import { afterEach, describe, expect, it, jest } from '@jest/globals';

const user = { id: 'u1', email: 'dana@example.test', name: 'Dana Reyes', role: 'admin', clinicId: 'c1' };

const json = (status: number, body?: unknown) =>
  new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  });

/** Answers every session check with a signed-in admin, everything else with `answer`. */
const fakeApi = (answer: () => Response) => {
  const calls: string[] = [];
  global.fetch = jest.fn(async (input: string | URL | Request, init?: RequestInit) => {
    const call = `${init?.method ?? 'GET'} ${String(input)}`;
    if (call === 'GET /api/v1/auth/session') return json(200, { user, csrfToken: 't1' });
    calls.push(init?.body ? `${call} ${init.body as string}` : call);
    return answer();
  }) as typeof fetch;
  return calls;
};

// react-admin's barrel pulls in ESM-only UI packages jest cannot load; HttpError lives in ra-core.
const load = async () => {
  jest.resetModules();
  jest.doMock('react-admin', () => ({ HttpError: jest.requireActual<typeof import('ra-core')>('ra-core').HttpError }));
  return (await import('./dataProvider')).dataProvider;
};

describe('dataProvider', () => {
  const realFetch = global.fetch;
  afterEach(() => {
    global.fetch = realFetch;
  });

  it('creates through a sub-resource: inviting is POST /staff/invitations', async () => {
    const calls = fakeApi(() =>
      json(201, { id: 'u9', email: 'a@b.test', name: 'A', role: 'therapist', status: 'invited' }),
    );
    const dataProvider = await load();
    const { data } = await dataProvider.create('staff', {
      data: { email: 'a@b.test', name: 'A', role: 'therapist' },
      meta: { subresource: 'invitations' },
    });
    expect(calls).toEqual(['POST /api/v1/staff/invitations {"email":"a@b.test","name":"A","role":"therapist"}']);
    expect(data).toMatchObject({ id: 'u9', status: 'invited' });
  });

  it('deletes through a sub-resource: revoking is DELETE /staff/<id>/invitation', async () => {
    const calls = fakeApi(() => json(204));
    const dataProvider = await load();
    const previousData = { id: 'u 9', name: 'A' };
    const { data } = await dataProvider.delete('staff', {
      id: 'u 9',
      previousData,
      meta: { subresource: 'invitation' },
    });
    expect(calls).toEqual(['DELETE /api/v1/staff/u%209/invitation']);
    expect(data).toBe(previousData);
  });

  it('resends an invitation', async () => {
    const calls = fakeApi(() => json(202));
    const dataProvider = await load();
    await dataProvider.resendInvitation('u9');
    expect(calls).toEqual(['POST /api/v1/staff/u9/invitation/resend']);
  });

  it('sends only the changed fields of an update', async () => {
    const calls = fakeApi(() => json(200, { id: 'u9', role: 'admin', status: 'active' }));
    const dataProvider = await load();
    const previousData = { id: 'u9', name: 'A', role: 'therapist', status: 'active' };
    await dataProvider.update('staff', { id: 'u9', data: { ...previousData, role: 'admin' }, previousData });
    expect(calls).toEqual(['PATCH /api/v1/staff/u9 {"role":"admin"}']);
  });

  it('lists in a fixed order without a sort parameter when asked', async () => {
    const calls = fakeApi(() => json(200, { data: [], total: 0 }));
    const dataProvider = await load();
    await dataProvider.getList('audit', {
      pagination: { page: 1, perPage: 25 },
      sort: { field: 'occurredAt', order: 'DESC' },
      filter: { outcome: 'failure' },
      meta: { orderOnly: true },
    });
    expect(calls).toEqual(['GET /api/v1/audit?page=1&perPage=25&order=DESC&outcome=failure']);
  });

  it('lists and creates records that live under another one', async () => {
    const calls = fakeApi(() => json(200, { data: [{ id: 'n1' }], total: 1 }));
    const dataProvider = await load();
    const meta = { parent: { resource: 'couples', id: 'c 1' } };
    const { data, total } = await dataProvider.getList('notes', {
      pagination: { page: 1, perPage: 25 },
      sort: { field: 'id', order: 'ASC' },
      filter: {},
      meta,
    });
    await dataProvider.create('notes', { data: { format: 'free' }, meta });
    expect(calls).toEqual(['GET /api/v1/couples/c%201/notes', 'POST /api/v1/couples/c%201/notes {"format":"free"}']);
    expect({ data, total }).toEqual({ data: [{ id: 'n1' }], total: 1 });
  });

  it('reads one record by its own address: the homework review page is GET /assignments/<id>', async () => {
    const detail = { id: 'a 1', coupleId: 'c1', title: 'Check-in', prompts: [], answers: [] };
    const calls = fakeApi(() => json(200, detail));
    const dataProvider = await load();
    const { data } = await dataProvider.getOne('assignments', { id: 'a 1' });
    expect(calls).toEqual(['GET /api/v1/assignments/a%201']);
    expect(data).toEqual(detail);
  });

  it('posts an action on one record, encoding each segment', async () => {
    const calls = fakeApi(() => json(202));
    const dataProvider = await load();
    await dataProvider.act('/assignments/{id}/partners/{clientId}/link/resend', { id: 'a1', clientId: 'p/2' });
    await dataProvider.act('/assignments/{id}/review', { id: 'a1' }, { comment: 'Thanks' });
    expect(calls).toEqual([
      'POST /api/v1/assignments/a1/partners/p%2F2/link/resend',
      'POST /api/v1/assignments/a1/review {"comment":"Thanks"}',
    ]);
  });

  it("takes every route from RESOURCE_ROUTES: programs and a couple's assignment series included", async () => {
    const calls = fakeApi(() => json(200, { data: [], total: 0 }));
    const dataProvider = await load();
    const listParams = {
      pagination: { page: 1, perPage: 25 },
      sort: { field: 'title', order: 'ASC' as const },
      filter: {},
    };
    await dataProvider.getList('programs', listParams);
    await dataProvider.getList('assignment-series', {
      ...listParams,
      meta: { parent: { resource: 'couples', id: 'c1' } },
    });
    await dataProvider.update('assignment-series', { id: 's 1', data: { count: 4 }, previousData: { id: 's 1' } });
    expect(calls).toEqual([
      'GET /api/v1/programs?page=1&perPage=25&sort=title&order=ASC',
      'GET /api/v1/couples/c1/assignment-series',
      'PATCH /api/v1/assignment-series/s%201 {"count":4}',
    ]);
  });

  it('refuses a resource or operation the API has no route for, instead of guessing a path', async () => {
    const calls = fakeApi(() => json(200, {}));
    const dataProvider = await load();
    await expect(dataProvider.getOne('sessions', { id: 's1' })).rejects.toThrow('No API route for one of sessions');
    await expect(dataProvider.delete('couples', { id: 'c1' })).rejects.toThrow('No API route for remove of couples');
    await expect(dataProvider.create('staff', { data: {}, meta: { subresource: 'nope' } })).rejects.toThrow(
      'No API route for create of staff via nope',
    );
    expect(calls).toEqual([]);
  });
});
