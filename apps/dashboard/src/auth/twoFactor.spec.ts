import { describe, expect, it } from '@jest/globals';
import {
  groupSecret,
  isExpiredSignInStep,
  isTwoFactorChallenge,
  isTwoFactorRequired,
  normalizeRecoveryCode,
  normalizeTotpCode,
  recoveryCodesText,
  retryAfterOf,
  signInFailureMessage,
  TwoFactorRequiredError,
  validateTotpCode,
  waitMessage,
} from './twoFactor';

describe('two-factor helpers', () => {
  it('accepts six digits, with the space apps show in the middle', () => {
    expect(normalizeTotpCode('123456')).toBe('123456');
    expect(normalizeTotpCode(' 123 456 ')).toBe('123456');
    expect(normalizeTotpCode('12345')).toBeUndefined();
    expect(normalizeTotpCode('12345a')).toBeUndefined();
    expect(normalizeTotpCode(123456)).toBeUndefined();
  });

  it('validates the code input, leaving an empty one to the required rule', () => {
    expect(validateTotpCode('')).toBeUndefined();
    expect(validateTotpCode('123 456')).toBeUndefined();
    expect(validateTotpCode('1234')).toBe('Enter the 6 digits your authenticator app shows.');
  });

  it('tidies a pasted recovery code', () => {
    expect(normalizeRecoveryCode('  K7MQ-3XR9-TB2P ')).toBe('k7mq-3xr9-tb2p');
    expect(normalizeRecoveryCode(undefined)).toBe('');
  });

  it('groups the secret in fours for manual entry', () => {
    expect(groupSecret('jbswy3dpehpk3pxpab')).toBe('JBSW Y3DP EHPK 3PXP AB');
    expect(groupSecret('ABCD EFGH')).toBe('ABCD EFGH');
  });

  it('says how long to wait after a lockout, rounded up', () => {
    expect(waitMessage(1)).toBe('Try again in 1 second.');
    expect(waitMessage(42)).toBe('Try again in 42 seconds.');
    expect(waitMessage(60)).toBe('Try again in 1 minute.');
    expect(waitMessage(61)).toBe('Try again in 2 minutes.');
    expect(waitMessage(undefined)).toBe('Wait a few minutes and try again.');
    expect(waitMessage(0)).toBe('Wait a few minutes and try again.');
  });

  it('reads the wait from an HttpError body', () => {
    expect(retryAfterOf({ status: 429, body: { retryAfterSeconds: 90 } })).toBe(90);
    expect(retryAfterOf({ status: 429, body: {} })).toBeUndefined();
    expect(retryAfterOf(undefined)).toBeUndefined();
  });

  it('tells the challenge from a session', () => {
    expect(isTwoFactorChallenge({ twoFactorRequired: true })).toBe(true);
    expect(
      isTwoFactorChallenge({
        user: { id: 'u', email: 'e', name: 'n', role: 'admin', clinicId: 'c' },
        csrfToken: 't',
        twoFactorEnabled: false,
        twoFactorEnrollmentRequired: false,
      }),
    ).toBe(false);
    expect(isTwoFactorRequired(new TwoFactorRequiredError())).toBe(true);
    expect(isTwoFactorRequired(new Error('x'))).toBe(false);
  });

  it('prints recovery codes with a heading', () => {
    expect(recoveryCodesText(['aaaa-bbbb-cccc', 'dddd-eeee-ffff'], 'dana@example.test')).toBe(
      'Trellis recovery codes for dana@example.test\nEach code works once, in place of the code from your authenticator app.\n\naaaa-bbbb-cccc\ndddd-eeee-ffff\n',
    );
  });
});

describe('sign-in failure messages', () => {
  it('says how long a lockout lasts', () => {
    expect(signInFailureMessage({ status: 429, message: 'Too many', body: { retryAfterSeconds: 300 } })).toBe(
      'Too many attempts. Try again in 5 minutes.',
    );
  });

  it('passes the API’s reason on otherwise', () => {
    expect(signInFailureMessage({ status: 401, message: 'That code is not right.' })).toBe('That code is not right.');
    expect(signInFailureMessage(undefined)).toBe('Signing in did not work. Try again in a moment.');
  });

  it('recognises an expired password step', () => {
    expect(isExpiredSignInStep({ status: 401, message: 'Sign in again: the sign-in step expired.' })).toBe(true);
    expect(isExpiredSignInStep({ status: 401, message: 'That code is not right.' })).toBe(false);
    expect(isExpiredSignInStep(undefined)).toBe(false);
  });
});
