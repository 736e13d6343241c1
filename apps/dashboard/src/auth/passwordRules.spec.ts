import { describe, expect, it } from '@jest/globals';
import { matchesPassword, passwordPolicy } from './passwordRules';

describe('passwordPolicy', () => {
  const check = passwordPolicy({ name: 'Dana Reyes', email: 'dana@clinic.example' });

  it('accepts a long passphrase', () => {
    expect(check('copper kettle lantern moss')).toBeUndefined();
  });

  it('explains what is wrong, as a sentence', () => {
    expect(check('short')).toMatch(/^Must be at least 12 characters/);
    expect(check('reyes-family-2026')).toBe('Must not contain your name or email address');
  });

  it('leaves an empty value to the required rule', () => {
    expect(check('')).toBeUndefined();
    expect(check(undefined)).toBeUndefined();
  });

  it('works without knowing the person', () => {
    expect(passwordPolicy()('reyes-family-2026')).toBeUndefined();
    expect(passwordPolicy()('short')).toMatch(/^Must be at least/);
  });
});

describe('matchesPassword', () => {
  it('compares with the password field', () => {
    expect(matchesPassword('a long passphrase', { password: 'a long passphrase' })).toBeUndefined();
    expect(matchesPassword('a long passphras', { password: 'a long passphrase' })).toBe(
      'The two passwords do not match.',
    );
  });
});
