import { describe, expect, it } from '@jest/globals';
import {
  describeSeries,
  isRepeating,
  seriesBody,
  seriesEditBody,
  seriesEditProblems,
  seriesProblems,
} from './seriesPayload';

// A due date-time as the dialog's input holds it: an instant, read back on this machine's clock.
const dueAt = (local: string) => new Date(local).toISOString();

describe('seriesBody', () => {
  it('sends the first due date and time as the wall clock shown, a count, and no blank message', () => {
    expect(
      seriesBody(
        {
          repeat: 'weekly',
          exerciseId: 'e1',
          dueAt: dueAt('2027-03-22T18:00'),
          ends: 'count',
          count: '6',
          message: '  ',
          weekdays: [1, 3],
        },
        'c1',
      ),
    ).toEqual({
      coupleId: 'c1',
      exerciseId: 'e1',
      rhythm: 'weekly',
      startsOn: '2027-03-22',
      dueTime: '18:00',
      count: 6,
      shareAnswersAfterBoth: false,
    });
  });

  it('sends chosen weekdays once each, and an end date instead of a count', () => {
    expect(
      seriesBody(
        {
          repeat: 'weekdays',
          exerciseId: 'e1',
          dueAt: dueAt('2027-03-22T07:30'),
          weekdays: [5, 1, 5],
          ends: 'date',
          endsOn: '2027-05-01',
          message: ' Mornings ',
          shareAnswersAfterBoth: true,
        },
        'c1',
      ),
    ).toMatchObject({
      rhythm: 'weekdays',
      weekdays: [5, 1],
      dueTime: '07:30',
      endsOn: '2027-05-01',
      message: 'Mornings',
    });
  });
});

describe('seriesProblems', () => {
  it('has nothing to say when the homework does not repeat', () => {
    expect(isRepeating({ repeat: 'none' })).toBe(false);
    expect(seriesProblems({ repeat: 'none', count: 'x' })).toEqual({});
  });

  it('asks for days, a sensible count and an end date not before the first', () => {
    expect(seriesProblems({ repeat: 'weekdays', weekdays: [], ends: 'count', count: 3 })).toEqual({
      weekdays: 'Choose at least one day.',
    });
    expect(Object.keys(seriesProblems({ repeat: 'weekly', ends: 'count', count: 0 }))).toEqual(['count']);
    expect(Object.keys(seriesProblems({ repeat: 'weekly', ends: 'count', count: 105 }))).toEqual(['count']);
    expect(
      seriesProblems({ repeat: 'weekly', ends: 'date', endsOn: '2027-03-01', dueAt: dueAt('2027-03-22T18:00') }),
    ).toEqual({ endsOn: 'Choose a date on or after the first due date.' });
    expect(seriesProblems({ repeat: 'weekly', ends: 'date', dueAt: dueAt('2027-03-22T18:00') })).toEqual({
      endsOn: 'Choose the last date.',
    });
  });
});

describe('describeSeries', () => {
  const base = { weekdays: [], dueTime: '18:00', startsOn: '2027-03-22', endsOn: null, count: 6 };
  it('says the rhythm, the day, the time and the end', () => {
    expect(describeSeries({ ...base, rhythm: 'weekly' }, 'en-GB')).toBe('Every week on Monday at 18:00, 6 times');
    expect(describeSeries({ ...base, rhythm: 'fortnightly', count: 1 }, 'en-GB')).toBe(
      'Every two weeks on Monday at 18:00, 1 time',
    );
    expect(
      describeSeries({ ...base, rhythm: 'weekdays', weekdays: [5, 1, 3], count: null, endsOn: '2027-05-01' }, 'en-GB'),
    ).toBe('Every Monday, Wednesday and Friday at 18:00, until 1 May 2027');
  });
});

describe('seriesEditBody', () => {
  const series = { dueTime: '18:00', message: 'Evenings', endsOn: null, count: 6 };
  it('sends only what changed', () => {
    expect(seriesEditBody({ dueTime: '07:30', message: 'Evenings', ends: 'count', count: 6 }, series)).toEqual({
      dueTime: '07:30',
    });
  });
  it('switches the end from a count to a date', () => {
    expect(
      seriesEditBody({ dueTime: '18:00', message: ' Evenings ', ends: 'date', endsOn: '2027-05-01' }, series),
    ).toEqual({ endsOn: '2027-05-01' });
  });
  it('checks the time and the end', () => {
    expect(seriesEditProblems({ dueTime: '7pm', ends: 'count', count: 0 })).toEqual({
      dueTime: 'Choose a time like 18:00.',
      count: 'Choose a whole number from 1 to 104.',
    });
  });
});
