import { describe, expect, it } from '@jest/globals';
import { assignBody, assignProblems } from './assignPayload';

const now = new Date('2026-05-01T12:00:00Z');

describe('assignBody', () => {
  it('sends unique couples, an instant and no blank message', () => {
    expect(
      assignBody({
        exerciseId: 'e1',
        coupleIds: ['c1', 'c2', 'c1', ''],
        dueAt: '2026-05-08T17:00:00.000Z',
        message: '   ',
        shareAnswersAfterBoth: true,
      }),
    ).toEqual({
      exerciseId: 'e1',
      coupleIds: ['c1', 'c2'],
      dueAt: '2026-05-08T17:00:00.000Z',
      shareAnswersAfterBoth: true,
    });
  });

  it('keeps a message, trimmed, and sharing off unless chosen', () => {
    expect(
      assignBody({
        exerciseId: 'e1',
        coupleIds: 'c1',
        dueAt: '2026-05-08T17:00:00.000Z',
        message: ' See you Thursday. ',
      }),
    ).toEqual({
      exerciseId: 'e1',
      coupleIds: ['c1'],
      dueAt: '2026-05-08T17:00:00.000Z',
      message: 'See you Thursday.',
      shareAnswersAfterBoth: false,
    });
  });
});

describe('assignProblems', () => {
  it('accepts a complete form', () => {
    expect(assignProblems({ exerciseId: 'e1', coupleIds: ['c1'], dueAt: '2026-05-08T17:00:00.000Z' }, now)).toEqual({});
  });

  it('names each missing or wrong field the way the API does', () => {
    expect(
      assignProblems({ coupleIds: [], dueAt: '2026-04-01T10:00:00.000Z', message: 'x'.repeat(2001) }, now),
    ).toEqual({
      exerciseId: 'Choose an exercise.',
      coupleIds: 'Choose at least one couple.',
      dueAt: 'Choose a time in the future.',
      message: 'Keep the message to 2000 characters or fewer.',
    });
    expect(assignProblems({ exerciseId: 'e1', coupleIds: ['c1'] }, now).dueAt).toBe('Choose when the homework is due.');
  });

  it('stops at 50 couples per assignment', () => {
    const coupleIds = Array.from({ length: 51 }, (_, i) => `c${i}`);
    expect(assignProblems({ exerciseId: 'e1', coupleIds, dueAt: '2026-05-08T17:00:00.000Z' }, now).coupleIds).toBe(
      'Choose at most 50 couples at once (51 chosen).',
    );
  });
});

describe('due before the next session', () => {
  const base = { exerciseId: 'e1', coupleIds: ['c1'], dueAt: '2026-05-08T17:00:00.000Z' };

  it('sends hours before the session instead of a date, and checks them instead', () => {
    const values = { ...base, followSession: true, dueBeforeSessionHours: '48' };
    expect(assignProblems(values, now)).toEqual({});
    expect(assignBody(values)).toEqual({
      exerciseId: 'e1',
      coupleIds: ['c1'],
      dueBeforeSessionHours: 48,
      shareAnswersAfterBoth: false,
    });
    // A stale date left in the form does not matter while following the session.
    expect(assignProblems({ ...values, dueAt: '2026-04-01T10:00:00.000Z' }, now)).toEqual({});
  });

  it('refuses hours that are not whole, negative or past two weeks', () => {
    for (const hours of ['1.5', -1, 337, '', 'soon'])
      expect(assignProblems({ ...base, followSession: true, dueBeforeSessionHours: hours }, now)).toEqual({
        dueBeforeSessionHours: 'Give a whole number of hours, 0 to 336.',
      });
  });
});
