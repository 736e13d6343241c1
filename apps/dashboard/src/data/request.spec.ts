import { describe, expect, it, jest } from '@jest/globals';

// request.ts imports HttpError from react-admin, whose barrel jest cannot load.
jest.mock('react-admin', () => ({ HttpError: class HttpError extends Error {} }));

const { retryAfterSeconds } = jest.requireActual<typeof import('./request')>('./request');

describe('retryAfterSeconds', () => {
  it('reads delta-seconds and HTTP dates', () => {
    const now = Date.parse('2026-05-01T12:00:00Z');
    expect(retryAfterSeconds('120', now)).toBe(120);
    expect(retryAfterSeconds(' 5 ', now)).toBe(5);
    expect(retryAfterSeconds('Fri, 01 May 2026 12:01:30 GMT', now)).toBe(90);
    expect(retryAfterSeconds('Fri, 01 May 2026 11:00:00 GMT', now)).toBe(0);
  });

  it('ignores a missing or unreadable header', () => {
    expect(retryAfterSeconds(null)).toBeUndefined();
    expect(retryAfterSeconds('soon')).toBeUndefined();
  });
});
