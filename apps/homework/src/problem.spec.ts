import { describe, expect, it } from '@jest/globals';
import { parseProblem, promptErrors, retryAfterMs } from './problem';

describe('parseProblem', () => {
  it('reads detail and per-field errors from problem+json', () => {
    const body = {
      type: 'about:blank',
      title: 'Bad Request',
      status: 400,
      detail: 'Some answers need a look.',
      errors: [
        { field: 'answers.feelings', message: 'please answer this question.' },
        { field: 'answers.feelings', message: 'Too short.' },
        { field: 'email' }, // no message: skipped
        'nonsense',
      ],
    };
    expect(parseProblem(400, body)).toEqual({
      message: 'Some answers need a look.',
      fieldErrors: { 'answers.feelings': 'Please answer this question. Too short.' },
    });
  });

  it('uses its own calm sentence for outages and for bodies that are not problem+json', () => {
    expect(parseProblem(0, undefined).message).toMatch(/couldn’t reach Trellis/);
    expect(parseProblem(502, '<html>Bad gateway</html>').message).toMatch(/on our side/);
    expect(parseProblem(500, { detail: 'TypeError: x is undefined' }).message).toMatch(/on our side/);
    expect(parseProblem(429, { detail: 'ThrottlerException' }).message).toMatch(/wait a minute/);
    expect(parseProblem(400, null)).toEqual({ message: 'Something went wrong. Please try again.', fieldErrors: {} });
  });
});

describe('promptErrors', () => {
  it('keys answers.<promptId> errors by prompt and keeps the rest apart', () => {
    expect(
      promptErrors(
        {
          'answers.feelings': 'Please answer this question.',
          'answers.values.0': 'Choose only from the options shown.',
          'answers.unknown': 'This question is not part of this exercise.',
          answers: 'We could not read your answers.',
        },
        ['feelings', 'values'],
      ),
    ).toEqual({
      byPrompt: { feelings: 'Please answer this question.', values: 'Choose only from the options shown.' },
      other: ['This question is not part of this exercise.', 'We could not read your answers.'],
    });
  });
});

describe('retryAfterMs', () => {
  const now = Date.parse('2025-12-01T10:00:00Z');

  it('reads seconds and HTTP dates, capped at ten minutes', () => {
    expect(retryAfterMs('30', now)).toBe(30_000);
    expect(retryAfterMs('Mon, 01 Dec 2025 10:01:00 GMT', now)).toBe(60_000);
    expect(retryAfterMs('Mon, 01 Dec 2025 09:00:00 GMT', now)).toBe(0);
    expect(retryAfterMs('86400', now)).toBe(600_000);
  });

  it('ignores what it cannot read', () => {
    expect(retryAfterMs(null, now)).toBeUndefined();
    expect(retryAfterMs('', now)).toBeUndefined();
    expect(retryAfterMs('soon', now)).toBeUndefined();
  });
});
