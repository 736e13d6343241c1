import { API_TOKEN_MAX_LIFETIME_DAYS, apiTokenExpiryProblem } from './api-token-expiry';

describe('apiTokenExpiryProblem', () => {
  const now = new Date('2026-12-05T12:00:00Z');
  const days = (n: number) => new Date(now.getTime() + n * 24 * 3600 * 1000);

  it.each([
    ['tomorrow', days(1), null],
    ['exactly the longest lifetime', days(API_TOKEN_MAX_LIFETIME_DAYS), null],
    ['one second from now', new Date(now.getTime() + 1000), null],
    ['now', now, 'must be in the future'],
    ['yesterday', days(-1), 'must be in the future'],
    ['past the longest lifetime', days(API_TOKEN_MAX_LIFETIME_DAYS + 0.01), 'must be at most 366 days away'],
    ['not a date', new Date('nope'), 'must be a date-time'],
  ])('%s', (_name, expiresAt, problem) => {
    expect(apiTokenExpiryProblem(expiresAt, now)).toBe(problem);
  });
});
