import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { agreementReviewRequest, checkInRequest } from './api';

// Type-level checks, compiled by the homework page's typecheck (`tsc -p apps/homework/tsconfig.json`):
// each `@ts-expect-error` fails the build if the call below it ever compiles, i.e. if a path or body
// the OpenAPI document does not have stopped being a compile error. Never called.
export const typeChecks = () => {
  const read = () => true;
  return [
    // @ts-expect-error: no such check-in route (the document has /check-ins/link and /submit)
    checkInRequest('/form', { token: 't' }, read),
    // @ts-expect-error: submitting a check-in needs its answers
    checkInRequest('/submit', { token: 't' }, read),
    // @ts-expect-error: a check-in's answers are numbers
    checkInRequest('/submit', { token: 't', answers: { together: 'often' } }, read),
    // @ts-expect-error: an agreement review is looked up by its token, not an id
    agreementReviewRequest('/link', { id: 'r1' }, read),
    // @ts-expect-error: not an agreement review route
    agreementReviewRequest('/reviews', { token: 't' }, read),
  ];
};

describe('checkInRequest and agreementReviewRequest', () => {
  const realFetch = globalThis.fetch;
  afterEach(() => {
    globalThis.fetch = realFetch;
  });

  it('post the typed path and body under their own roots', async () => {
    const fetchMock = jest.fn(async () => new Response('{"ok":true}', { status: 200 }));
    globalThis.fetch = fetchMock as unknown as typeof fetch;
    await checkInRequest('/link', { token: 'c1' }, () => true);
    await agreementReviewRequest('/link', { token: 'a1' }, () => true);
    const calls = fetchMock.mock.calls as unknown as [string, RequestInit][];
    expect(calls.map(([url, init]) => `${init.method} ${url} ${String(init.body)}`)).toEqual([
      'POST /api/v1/check-ins/link {"token":"c1"}',
      'POST /api/v1/agreement-reviews/link {"token":"a1"}',
    ]);
  });
});
