import { describe, expect, it, jest } from '@jest/globals';

// request.ts (for API_ROOT) imports HttpError from react-admin, whose barrel jest cannot load.
jest.mock('react-admin', () => ({ HttpError: class HttpError extends Error {} }));

const { auditExportUrl } = jest.requireActual<typeof import('./exportUrl')>('./exportUrl');

describe('auditExportUrl', () => {
  it('carries the current filters and direction', () => {
    expect(
      auditExportUrl(
        { actorId: 'u1', action: 'auth.login', outcome: 'failure', from: '2026-03-01', to: '2026-03-31' },
        'ASC',
      ),
    ).toBe('/api/v1/audit/export?order=ASC&actorId=u1&action=auth.login&outcome=failure&from=2026-03-01&to=2026-03-31');
  });

  it('is newest first with no filters, and leaves out cleared or unknown ones', () => {
    expect(auditExportUrl({})).toBe('/api/v1/audit/export?order=DESC');
    expect(auditExportUrl({ action: '', outcome: undefined, q: 'x', page: 3 })).toBe('/api/v1/audit/export?order=DESC');
  });

  it('encodes values', () => {
    expect(auditExportUrl({ action: 'a&b=c' })).toBe('/api/v1/audit/export?order=DESC&action=a%26b%3Dc');
  });
});
