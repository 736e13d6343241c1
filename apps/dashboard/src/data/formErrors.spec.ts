import { describe, expect, it } from '@jest/globals';
import { errorMessage, submissionErrors } from './formErrors';

// Shaped like react-admin's HttpError after request.ts: message from the problem, field map in body.
const httpError = (status: number, message: string, errors?: Record<string, string>) =>
  Object.assign(new Error(message), { status, body: { title: message, status, errors } });

describe('submissionErrors', () => {
  it('passes the API’s field errors to the form', () => {
    expect(submissionErrors(httpError(400, 'Bad Request', { email: 'Must be an email address' }), 'email')).toEqual({
      email: 'Must be an email address',
    });
  });

  it('puts a conflict under the field it is about', () => {
    expect(submissionErrors(httpError(409, 'That email already has an account.'), 'email')).toEqual({
      email: 'That email already has an account.',
    });
    // Without a field to blame, a conflict is a notification.
    expect(submissionErrors(httpError(409, 'Conflict'))).toBeUndefined();
  });

  it('leaves other failures to the caller', () => {
    expect(submissionErrors(httpError(500, 'Something went wrong'), 'email')).toBeUndefined();
    expect(submissionErrors(httpError(400, 'Bad Request', {}), 'email')).toBeUndefined();
    expect(submissionErrors(undefined)).toBeUndefined();
  });
});

describe('errorMessage', () => {
  it('prefers the error’s own message', () => {
    expect(errorMessage(httpError(429, 'Too many attempts.'))).toBe('Too many attempts.');
    expect(errorMessage('boom', 'Fallback.')).toBe('Fallback.');
  });
});
