import { afterEach, describe, expect, it, jest } from '@jest/globals';

const user = { id: 'u1', email: 'dana@example.test', name: 'Dana Reyes', role: 'admin', clinicId: 'c1' };

const json = (status: number, body?: unknown) =>
  new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  });

const fakeFetch = (...answers: Response[]) => {
  const calls: { method: string; url: string; headers: Headers; body?: string }[] = [];
  global.fetch = jest.fn(async (input: string | URL | Request, init?: RequestInit) => {
    calls.push({
      method: init?.method ?? 'GET',
      url: String(input),
      headers: new Headers(init?.headers),
      body: init?.body as string,
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
  return (await import('./authProvider')).authProvider;
};

describe('authProvider', () => {
  const realFetch = global.fetch;
  afterEach(() => {
    global.fetch = realFetch;
  });

  it('logs in with email and password, then picks up the new session', async () => {
    const calls = fakeFetch(json(401), json(200, { user }), json(200, { user, csrfToken: 't2' }));
    const authProvider = await load();
    await authProvider.login({ email: user.email, password: 'pw' });
    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual([
      'GET /api/v1/auth/session',
      'POST /api/v1/auth/login',
      'GET /api/v1/auth/session',
    ]);
    expect(JSON.parse(calls[1].body ?? '')).toEqual({ email: user.email, password: 'pw' });
    await expect(authProvider.getPermissions?.({})).resolves.toBe('admin');
    await expect(authProvider.getIdentity?.()).resolves.toMatchObject({ id: 'u1', fullName: 'Dana Reyes' });
  });

  it.each([
    ['invitation', '/api/v1/auth/invitations/accept'],
    ['password-reset', '/api/v1/auth/password-reset/confirm'],
  ] as const)('signs in by %s link with the chosen password', async (purpose, path) => {
    const calls = fakeFetch(json(401), json(200, { user, csrfToken: 't1' }), json(200, { user, csrfToken: 't2' }));
    const authProvider = await load();
    await authProvider.login({ purpose, token: 'tok', password: 'a long passphrase' });
    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual([
      'GET /api/v1/auth/session',
      `POST ${path}`,
      'GET /api/v1/auth/session',
    ]);
    expect(JSON.parse(calls[1].body ?? '')).toEqual({ token: 'tok', password: 'a long passphrase' });
    await expect(authProvider.getPermissions?.({})).resolves.toBe('admin');
  });

  it('passes a refused password on with its field error', async () => {
    fakeFetch(
      json(401),
      json(400, {
        title: 'Bad Request',
        errors: [{ field: 'password', message: 'is one of the most common passwords' }],
      }),
    );
    const authProvider = await load();
    await expect(
      authProvider.login({ purpose: 'invitation', token: 'tok', password: 'password1234' }),
    ).rejects.toMatchObject({ status: 400, body: { errors: { password: 'Is one of the most common passwords' } } });
  });

  it('has no permissions, rather than an error, when signed out', async () => {
    fakeFetch(json(401));
    const authProvider = await load();
    await expect(authProvider.getPermissions?.({})).resolves.toBeNull();
  });

  it('shows the API’s reason when sign-in fails', async () => {
    fakeFetch(json(401), json(429, { title: 'Too Many Requests', detail: 'Try again in 60 seconds.' }));
    const authProvider = await load();
    await expect(authProvider.login({ email: user.email, password: 'pw' })).rejects.toMatchObject({
      status: 429,
      message: 'Try again in 60 seconds.',
    });
  });

  it('asks for the second factor when the password was right and two-factor sign-in is on', async () => {
    const calls = fakeFetch(
      json(401),
      json(200, { twoFactorRequired: true }),
      json(200, { user, csrfToken: 't2', twoFactorEnabled: true, twoFactorEnrollmentRequired: false }),
      json(200, { user, csrfToken: 't2', twoFactorEnabled: true, twoFactorEnrollmentRequired: false }),
    );
    const authProvider = await load();
    await expect(authProvider.login({ email: user.email, password: 'pw' })).rejects.toMatchObject({
      twoFactorRequired: true,
    });
    await expect(authProvider.login({ code: ' 123 456 ' })).resolves.toBeUndefined();
    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual([
      'GET /api/v1/auth/session',
      'POST /api/v1/auth/login',
      'POST /api/v1/auth/2fa/verify',
      'GET /api/v1/auth/session',
    ]);
    // No session yet between the two steps, so no CSRF token either (the API exempts both).
    expect(calls[2].headers.has('x-csrf-token')).toBe(false);
    expect(JSON.parse(calls[2].body ?? '')).toEqual({ code: '123456' });
  });

  it('takes a recovery code instead, and passes a lockout on with how long to wait', async () => {
    const calls = fakeFetch(
      json(401),
      new Response(JSON.stringify({ title: 'Too Many Requests' }), {
        status: 429,
        headers: { 'content-type': 'application/problem+json', 'retry-after': '120' },
      }),
    );
    const authProvider = await load();
    await expect(authProvider.login({ recoveryCode: ' K7MQ-3XR9-TB2P ' })).rejects.toMatchObject({
      status: 429,
      body: { retryAfterSeconds: 120 },
    });
    expect(JSON.parse(calls[1].body ?? '')).toEqual({ recoveryCode: 'k7mq-3xr9-tb2p' });
  });

  it('sends someone who must set up two-factor sign-in to the set-up page', async () => {
    const session = { user, csrfToken: 't2', twoFactorEnabled: false, twoFactorEnrollmentRequired: true };
    fakeFetch(json(401), json(200, session), json(200, session));
    const authProvider = await load();
    await expect(authProvider.login({ email: user.email, password: 'pw' })).resolves.toEqual({
      redirectTo: '/setup-two-factor',
    });
    // Every other call answers 403 until then: redirect there instead of showing "not allowed".
    await expect(authProvider.checkError({ status: 403, message: 'Set it up.' })).rejects.toEqual({
      logoutUser: false,
      redirectTo: '/setup-two-factor',
      message: false,
    });
  });

  it('logs out on 401 but not on 403', async () => {
    fakeFetch(json(200, { user, csrfToken: 't1', twoFactorEnabled: false, twoFactorEnrollmentRequired: false }));
    const authProvider = await load();
    await expect(authProvider.checkError({ status: 401 })).rejects.toBeUndefined();
    await expect(authProvider.checkError({ status: 403, message: 'No.' })).rejects.toEqual({
      logoutUser: false,
      message: 'No.',
    });
    await expect(authProvider.checkError({ status: 500 })).resolves.toBeUndefined();
  });

  it('sends the CSRF token on logout and forgets the session', async () => {
    const calls = fakeFetch(json(200, { user, csrfToken: 't1' }), json(204), json(401));
    const authProvider = await load();
    await authProvider.checkAuth({});
    await authProvider.logout({});
    expect(calls[1]).toMatchObject({ method: 'POST', url: '/api/v1/auth/logout' });
    expect(calls[1].headers.get('x-csrf-token')).toBe('t1');
    // Signing out on purpose leads to the sign-in page without a "session ended" warning.
    await expect(authProvider.checkAuth({})).rejects.toEqual({ message: false });
  });

  it('says so when a session ends under the user', async () => {
    fakeFetch(json(200, { user, csrfToken: 't1' }), json(401));
    const authProvider = await load();
    await authProvider.checkAuth({});
    await expect(authProvider.checkAuth({})).rejects.toThrow('Your session has ended');
  });
});
