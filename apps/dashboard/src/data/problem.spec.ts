import { describe, expect, it } from '@jest/globals';
import { parseProblem } from './problem';

describe('parseProblem', () => {
  it('maps validation errors to { field: message } and prefers detail', () => {
    const parsed = parseProblem(400, {
      title: 'Bad Request',
      status: 400,
      detail: 'Some fields need attention.',
      errors: [
        { field: 'email', message: 'Enter a valid email.' },
        { field: 'partners.0.name', message: 'Required.' },
        { field: 'email', message: 'Already invited.' },
        { field: 'password', message: 'must be at least 12 characters' },
      ],
    });
    expect(parsed.message).toBe('Some fields need attention.');
    expect(parsed.fieldErrors).toEqual({
      email: 'Enter a valid email. Already invited.',
      'partners.0.name': 'Required.',
      password: 'Must be at least 12 characters',
    });
  });

  it('falls back to the title, then to a plain message for the status', () => {
    expect(parseProblem(409, { title: 'Conflict' }).message).toBe('Conflict');
    expect(parseProblem(429, '<html>Too Many</html>').message).toMatch(/Too many attempts/);
    expect(parseProblem(502, undefined).message).toMatch(/Something went wrong/);
    expect(parseProblem(418, null).message).toBe('The request failed (418).');
  });
});
