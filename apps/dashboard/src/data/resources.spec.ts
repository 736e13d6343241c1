import { describe, expect, it } from '@jest/globals';
import type { ApiRouteFor } from '@trellis/contracts';
import { RESOURCE_ROUTES, resourceRoute } from './resources';

// Type-level checks, compiled by the dashboard's typecheck (`tsc -p apps/dashboard/tsconfig.json`):
// each `@ts-expect-error` fails the build if the line below it ever compiles, i.e. if a wrong route,
// body or answer stopped being a compile error. Only `declare`d, never called.
declare const callApi: typeof import('./api').callApi;
declare const useApiGet: typeof import('./useApiQuery').useApiGet;

export const typeChecks = async () => {
  // @ts-expect-error: not a route of the API (the document has /couples/{id})
  await callApi('get', '/couple/{id}', { params: { id: 'c1' } });
  // @ts-expect-error: the route takes an {id}
  await callApi('get', '/couples/{id}/safety', { params: {} });
  // @ts-expect-error: lifting a pause needs its note, as text
  await callApi('post', '/couples/{id}/safety/lift', { params: { id: 'c1' }, body: { note: 1 } });
  const clinic = await callApi('get', '/clinic', { params: {} });
  // @ts-expect-error: the clinic's settings have no such field
  const missing: unknown = clinic.noSuchSetting;
  // @ts-expect-error: GET only: there is no GET /auth/logout
  useApiGet('/auth/logout', {});
  // @ts-expect-error: a resource's routes must exist in the document for that method
  const wrong: ApiRouteFor<'patch'> = '/programs';
  return [wrong, missing];
};

describe('RESOURCE_ROUTES', () => {
  it('names a route for every resource the dashboard registers, programs and assignment series included', () => {
    expect(resourceRoute('programs', 'update')).toBe('/programs/{id}');
    expect(resourceRoute('assignment-series', 'listInCouple')).toBe('/couples/{id}/assignment-series');
    expect(Object.keys(RESOURCE_ROUTES)).toEqual(
      expect.arrayContaining(['couples', 'assignments', 'assignment-series', 'programs', 'notes', 'staff']),
    );
  });
});
