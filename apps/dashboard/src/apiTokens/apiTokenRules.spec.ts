import { describe, expect, it } from '@jest/globals';
import { dateInDays, expiryFromDay, expiryProblem, tokenStatus } from './apiTokenRules';

describe('API token helpers', () => {
  const now = new Date(2026, 11, 5, 12, 0, 0);

  it('turns a date input into the end of that local day', () => {
    expect(new Date(expiryFromDay('2027-01-31') as string)).toEqual(new Date(2027, 0, 31, 23, 59, 59));
    expect(expiryFromDay('31/01/2027')).toBeNull();
    expect(dateInDays(90, now)).toBe('2027-03-05');
  });

  it('says what the API would refuse', () => {
    expect(expiryProblem(dateInDays(30, now), now)).toBeNull();
    expect(expiryProblem(dateInDays(-1, now), now)).toBe('must be in the future');
    expect(expiryProblem(dateInDays(400, now), now)).toBe('must be at most 366 days away');
    expect(expiryProblem('', now)).toBe('must be a date');
  });

  it('tells active, expired and revoked tokens apart', () => {
    const future = new Date(now.getTime() + 1000).toISOString();
    const past = new Date(now.getTime() - 1000).toISOString();
    expect(tokenStatus({ revokedAt: null, expiresAt: future }, now)).toBe('active');
    expect(tokenStatus({ revokedAt: null, expiresAt: past }, now)).toBe('expired');
    expect(tokenStatus({ revokedAt: past, expiresAt: future }, now)).toBe('revoked');
  });
});
