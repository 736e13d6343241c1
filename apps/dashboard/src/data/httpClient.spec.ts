import { afterEach, describe, expect, it, jest } from '@jest/globals';

type Call = { url: string; method: string; headers: Headers; body?: string; credentials?: string };

const json = (status: number, body?: unknown, type = 'application/json') =>
  new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { 'content-type': type } });

const user = { id: 'u1', email: 'dana@example.test', name: 'Dana Reyes', role: 'therapist', clinicId: 'c1' };

/** Answers in order; records what was sent. */
const fakeFetch = (...answers: Response[]) => {
  const calls: Call[] = [];
  global.fetch = jest.fn(async (input: string | URL | Request, init?: RequestInit) => {
    calls.push({
      url: String(input),
      method: init?.method ?? 'GET',
      headers: new Headers(init?.headers),
      body: init?.body as string | undefined,
      credentials: init?.credentials,
    });
    const next = answers.shift();
    if (!next) throw new Error(`unexpected request ${String(input)}`);
    return next;
  }) as typeof fetch;
  return calls;
};

// react-admin's barrel pulls in ESM-only UI packages jest cannot load; HttpError itself lives in
// ra-core, which loads fine.
const load = async () => {
  jest.resetModules();
  jest.doMock('react-admin', () => ({ HttpError: jest.requireActual<typeof import('ra-core')>('ra-core').HttpError }));
  return import('./httpClient');
};

describe('httpClient', () => {
  const realFetch = global.fetch;
  afterEach(() => {
    global.fetch = realFetch;
  });

  it('sends GETs as they are, with same-origin cookies', async () => {
    const calls = fakeFetch(json(200, { data: [], total: 0 }));
    const { httpClient } = await load();
    await httpClient('/couples', { query: new URLSearchParams({ page: '1' }) });
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ url: '/api/v1/couples?page=1', method: 'GET', credentials: 'same-origin' });
    expect(calls[0].headers.has('x-csrf-token')).toBe(false);
  });

  it('fetches the session for a CSRF token before the first write, then reuses it', async () => {
    const calls = fakeFetch(json(200, { user, csrfToken: 't1' }), json(201, { id: 'x' }), json(200, { id: 'x' }));
    const { httpClient } = await load();
    await httpClient('/couples', { method: 'POST', body: { name: 'A & B' } });
    await httpClient('/couples/x', { method: 'PATCH', body: { name: 'B & A' } });
    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual([
      'GET /api/v1/auth/session',
      'POST /api/v1/couples',
      'PATCH /api/v1/couples/x',
    ]);
    expect(calls[1].headers.get('x-csrf-token')).toBe('t1');
    expect(calls[1].headers.get('content-type')).toBe('application/json');
    expect(calls[2].headers.get('x-csrf-token')).toBe('t1');
  });

  it('retries a write once when a fresh session brings a new token', async () => {
    const calls = fakeFetch(
      json(200, { user, csrfToken: 'old' }),
      json(403, { title: 'Forbidden', status: 403 }, 'application/problem+json'),
      json(200, { user, csrfToken: 'new' }),
      json(204),
    );
    const { httpClient } = await load();
    await httpClient('/couples/x', { method: 'DELETE' });
    expect(calls[3].headers.get('x-csrf-token')).toBe('new');
  });

  it('passes a real 403 on when the token did not change', async () => {
    fakeFetch(
      json(200, { user, csrfToken: 't1' }),
      json(403, { title: 'Forbidden', status: 403, detail: 'Admins only.' }, 'application/problem+json'),
      json(200, { user, csrfToken: 't1' }),
    );
    const { httpClient } = await load();
    await expect(httpClient('/staff', { method: 'POST', body: {} })).rejects.toMatchObject({
      status: 403,
      message: 'Admins only.',
    });
  });

  it('reports a refused write as signed-out when the session is gone', async () => {
    fakeFetch(
      json(200, { user, csrfToken: 't1' }),
      json(403, { title: 'Forbidden', status: 403 }, 'application/problem+json'),
      json(401, { title: 'Unauthorized', status: 401 }, 'application/problem+json'),
    );
    const { httpClient } = await load();
    await expect(httpClient('/couples', { method: 'POST', body: {} })).rejects.toMatchObject({ status: 401 });
  });

  it('turns problem+json validation errors into react-admin form errors', async () => {
    fakeFetch(
      json(200, { user, csrfToken: 't1' }),
      json(
        400,
        { title: 'Bad Request', status: 400, errors: [{ field: 'email', message: 'Enter a valid email.' }] },
        'application/problem+json',
      ),
    );
    const { httpClient } = await load();
    const { HttpError } = await import('react-admin');
    const error = await httpClient('/staff', { method: 'POST', body: { email: 'x' } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect(error).toMatchObject({
      status: 400,
      message: 'Bad Request',
      body: { errors: { email: 'Enter a valid email.' } },
    });
  });
});
