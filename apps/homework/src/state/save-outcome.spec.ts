import { describe, expect, it } from '@jest/globals';
import type { ApiFailure } from '../api';
import { saveOutcome } from './save-outcome';

const fail = (status: number, extra: Partial<ApiFailure> = {}): ApiFailure => ({
  ok: false,
  status,
  message: 'm',
  fieldErrors: {},
  ...extra,
});

describe('saveOutcome', () => {
  const ids = ['feelings', 'closeness'];

  it('maps each response of PUT /current/draft to what autosave does next', () => {
    expect(saveOutcome({ ok: true, data: { savedAt: 't' } }, ids)).toEqual({ kind: 'saved', savedAt: 't' });
    expect(saveOutcome(fail(0), ids)).toEqual({ kind: 'offline' });
    expect(saveOutcome(fail(401), ids)).toEqual({ kind: 'halt', reason: 'unauthorized' });
    expect(saveOutcome(fail(409), ids)).toEqual({ kind: 'halt', reason: 'submitted' });
    expect(saveOutcome(fail(429, { retryAfterMs: 5000 }), ids)).toEqual({ kind: 'retry', afterMs: 5000 });
    expect(saveOutcome(fail(503), ids)).toEqual({ kind: 'retry', afterMs: undefined });
  });

  it('keeps the per-question messages of a 400', () => {
    const result = fail(400, { fieldErrors: { 'answers.feelings': 'Too long.', answers: 'Bad.' } });
    expect(saveOutcome(result, ids)).toEqual({ kind: 'invalid', errors: { feelings: 'Too long.' } });
  });
});
