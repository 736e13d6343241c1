import { describe, expect, it } from '@jest/globals';
import { blankStep, draftFromStep, moved, opensWhenSummary, stepBody } from './programDraft';

describe('a program step in the editor', () => {
  it('sends only what its kind and opening rule use, numbers as numbers', () => {
    expect(stepBody({ ...blankStep(), title: 'Check-in', exerciseId: 'e1' })).toEqual({
      title: 'Check-in',
      kind: 'exercise',
      exerciseId: 'e1',
      opensWhen: 'both_submitted',
      dueInDays: 7,
    });
    expect(
      stepBody({
        ...blankStep(),
        title: 'Talk',
        kind: 'discuss',
        exerciseId: 'e1',
        opensWhen: 'after_sessions',
        afterSessions: '2',
      }),
    ).toEqual({ title: 'Talk', kind: 'discuss', opensWhen: 'after_sessions', afterSessions: 2, dueInDays: 7 });
    // What is not a whole number goes as typed, for the API to name the field.
    expect(stepBody({ ...blankStep(), dueInDays: 'soon' }).dueInDays).toBe('soon');
  });

  it('moves a step earlier or later, never past the ends', () => {
    expect(moved(['a', 'b', 'c'], 1, -1)).toEqual(['b', 'a', 'c']);
    expect(moved(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
  });

  it('says how each step opens', () => {
    expect(opensWhenSummary({ opensWhen: 'reviewed', afterSessions: null }, true)).toBe('Opens when the couple starts');
    expect(opensWhenSummary({ opensWhen: 'after_sessions', afterSessions: 1 }, false)).toBe('Opens after 1 session');
  });
});

describe('a saved step, opened in the editor', () => {
  it('round-trips through the editor unchanged', () => {
    const saved = {
      title: 'Talk',
      kind: 'discuss' as const,
      exerciseId: null,
      measureId: null,
      measureTitle: null,
      opensWhen: 'after_sessions' as const,
      afterSessions: 2,
      dueInDays: 7,
    };
    expect(stepBody(draftFromStep(saved))).toEqual({
      title: 'Talk',
      kind: 'discuss',
      opensWhen: 'after_sessions',
      afterSessions: 2,
      dueInDays: 7,
    });
  });

  it('gives what its rule does not use the blank step’s default, so switching rules starts sensibly', () => {
    const draft = draftFromStep({
      title: 'Check-in',
      kind: 'exercise',
      exerciseId: 'e1',
      measureId: null,
      measureTitle: null,
      opensWhen: 'both_submitted',
      afterSessions: null,
      dueInDays: 5,
    });
    expect(draft).toEqual({ ...blankStep(), title: 'Check-in', exerciseId: 'e1', dueInDays: '5' });
  });

  it('sends a check-in step its measure and nothing of an exercise', () => {
    const saved = {
      title: 'How are we doing?',
      kind: 'check_in' as const,
      exerciseId: null,
      measureId: 'm1',
      measureTitle: 'Trust and connection',
      opensWhen: 'both_submitted' as const,
      afterSessions: null,
      dueInDays: 7,
    };
    expect(stepBody(draftFromStep(saved))).toEqual({
      title: 'How are we doing?',
      kind: 'check_in',
      measureId: 'm1',
      opensWhen: 'both_submitted',
      dueInDays: 7,
    });
  });
});
