import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { fetchHomework, lookUpLink, requestFreshLink, saveDraft, startSession, submitAnswers } from './api';

type FetchArgs = [string, RequestInit];

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json', ...headers },
  });

describe('api', () => {
  let fetchMock: jest.Mock<(url: string, init: RequestInit) => Promise<Response>>;
  const realFetch = globalThis.fetch;

  beforeEach(() => {
    fetchMock = jest.fn<(url: string, init: RequestInit) => Promise<Response>>();
    globalThis.fetch = fetchMock as unknown as typeof fetch;
  });
  afterEach(() => {
    globalThis.fetch = realFetch;
  });

  const call = (n = 0) => fetchMock.mock.calls[n] as FetchArgs;
  const headers = (n = 0) => call(n)[1].headers as Record<string, string>;

  it('looks up a link by POSTing the token in the body, same-origin, with the CSRF header', async () => {
    fetchMock.mockResolvedValue(json(200, { partnerFirstName: 'Sam', clinicName: 'Northside' }));
    const result = await lookUpLink('tok');
    expect(result).toEqual({ ok: true, data: { partnerFirstName: 'Sam', clinicName: 'Northside' } });
    const [url, init] = call();
    expect(url).toBe('/api/v1/homework/link');
    expect(init.method).toBe('POST');
    expect(init.body).toBe(JSON.stringify({ token: 'tok' }));
    expect(init.credentials).toBe('same-origin');
    expect(headers()['x-homework-csrf']).toBe('1');
  });

  it('sends the CSRF header on every state change, and not on GET', async () => {
    fetchMock.mockImplementation(async () => json(200, { ok: true, savedAt: 't', submittedAt: 't' }));
    await startSession('tok');
    await saveDraft({ a: 'x' });
    await submitAnswers({ a: 'x' });
    await requestFreshLink('sam@example.com');
    await fetchHomework();
    expect(fetchMock.mock.calls.map(([url, init]) => [init.method, url])).toEqual([
      ['POST', '/api/v1/homework/session'],
      ['PUT', '/api/v1/homework/current/draft'],
      ['POST', '/api/v1/homework/current/submit'],
      ['POST', '/api/v1/homework/fresh-link'],
      ['GET', '/api/v1/homework/current'],
    ]);
    for (const n of [0, 1, 2, 3]) expect(headers(n)['x-homework-csrf']).toBe('1');
    expect(headers(4)['x-homework-csrf']).toBeUndefined();
    expect(call(1)[1].body).toBe(JSON.stringify({ answers: { a: 'x' } }));
  });

  it('turns a 404 problem into a failure the page can branch on', async () => {
    fetchMock.mockResolvedValue(json(404, { title: 'Not Found', status: 404, detail: 'This link is not active.' }));
    expect(await lookUpLink('tok')).toMatchObject({ ok: false, status: 404 });
  });

  it('reads field errors and Retry-After', async () => {
    fetchMock.mockResolvedValueOnce(
      json(400, { title: 'Bad Request', status: 400, errors: [{ field: 'answers.win', message: 'Too long.' }] }),
    );
    expect(await saveDraft({ win: 'x' })).toMatchObject({ status: 400, fieldErrors: { 'answers.win': 'Too long.' } });
    fetchMock.mockResolvedValueOnce(json(429, { title: 'Too Many Requests', status: 429 }, { 'Retry-After': '20' }));
    expect(await startSession('tok')).toMatchObject({ status: 429, retryAfterMs: 20_000 });
  });

  it('reports a network failure as status 0', async () => {
    fetchMock.mockRejectedValue(new TypeError('Failed to fetch'));
    expect(await fetchHomework()).toMatchObject({ ok: false, status: 0 });
  });

  it('treats a 200 that is not the promised shape (a captive portal) as an outage', async () => {
    fetchMock.mockResolvedValue(new Response('<html>Sign in to Wi-Fi</html>', { status: 200 }));
    expect(await fetchHomework()).toMatchObject({ ok: false, status: 502 });
  });

  it('does not count an HTML 200 as a saved draft', async () => {
    fetchMock.mockResolvedValueOnce(new Response('<html>Sign in to Wi-Fi</html>', { status: 200 }));
    expect(await saveDraft({ a: 'x' })).toMatchObject({ ok: false, status: 502 });
    fetchMock.mockResolvedValueOnce(json(200, {}));
    expect(await saveDraft({ a: 'x' })).toMatchObject({ ok: true });
  });

  it('asks for keepalive only when the page is going away and the body is small', async () => {
    fetchMock.mockImplementation(async () => json(200, { savedAt: 't' }));
    await saveDraft({ a: 'short' }, { keepalive: true });
    await saveDraft({ a: 'x'.repeat(70_000) }, { keepalive: true });
    await saveDraft({ a: 'short' });
    expect(fetchMock.mock.calls.map(([, init]) => init.keepalive)).toEqual([true, false, false]);
  });

  it('accepts the 202 of fresh-link whatever its body', async () => {
    fetchMock.mockResolvedValue(new Response(null, { status: 202 }));
    expect(await requestFreshLink('sam@example.com')).toEqual({ ok: true, data: true });
  });
});
