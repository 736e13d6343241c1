import { describe, expect, it, jest } from '@jest/globals';

// request.ts (for API_ROOT) imports HttpError from react-admin, whose barrel jest cannot load.
jest.mock('react-admin', () => ({ HttpError: class HttpError extends Error {} }));

const { checkInsCsvUrl, coupleExportUrl, couplePrintUrl } =
  jest.requireActual<typeof import('./exportUrls')>('./exportUrls');

describe('couple export links', () => {
  it('point at the API, with the id encoded', () => {
    expect(coupleExportUrl('c1')).toBe('/api/v1/couples/c1/export');
    expect(couplePrintUrl('c/1')).toBe('/api/v1/couples/c%2F1/export/print');
    expect(checkInsCsvUrl('c1', 'm/1')).toBe('/api/v1/couples/c1/measures/m%2F1/responses/export');
  });
});
