import {
  nextSeriesOccurrence,
  seriesIssueAtMs,
  seriesOccurrences,
  seriesRuleProblems,
  type SeriesRule,
} from './assignment-series';

const rule = (overrides: Partial<SeriesRule> = {}): SeriesRule => ({
  rhythm: 'weekly',
  weekdays: [],
  dueTime: '18:00',
  startsOn: '2027-03-22',
  endsOn: null,
  count: 4,
  ...overrides,
});

const iso = (ms: number) => new Date(ms).toISOString();

describe('series dates across daylight saving (clinic time zone)', () => {
  it('Europe/London, clocks forward on 28 March: 18:00 stays 18:00 local, 18:00Z then 17:00Z', () => {
    const dues = seriesOccurrences(rule(), 'Europe/London', 10).map((o) => iso(o.dueAtMs));
    expect(dues).toEqual([
      '2027-03-22T18:00:00.000Z',
      '2027-03-29T17:00:00.000Z',
      '2027-04-05T17:00:00.000Z',
      '2027-04-12T17:00:00.000Z',
    ]);
  });

  it('Europe/London, clocks back on 31 October: a fortnightly Sunday 09:30 moves from 08:30Z to 09:30Z', () => {
    const dues = seriesOccurrences(
      rule({ rhythm: 'fortnightly', startsOn: '2027-10-17', dueTime: '09:30', count: 3 }),
      'Europe/London',
      10,
    );
    expect(dues.map((o) => [o.date, iso(o.dueAtMs)])).toEqual([
      ['2027-10-17', '2027-10-17T08:30:00.000Z'],
      ['2027-10-31', '2027-10-31T09:30:00.000Z'],
      ['2027-11-14', '2027-11-14T09:30:00.000Z'],
    ]);
  });

  it('America/New_York, 14 March and 7 November: weekdays at 20:00 keep their wall time', () => {
    const spring = seriesOccurrences(
      rule({ rhythm: 'weekdays', weekdays: [6, 1], startsOn: '2027-03-12', dueTime: '20:00', count: 3 }),
      'America/New_York',
      10,
    );
    expect(spring.map((o) => [o.date, iso(o.dueAtMs)])).toEqual([
      ['2027-03-13', '2027-03-14T01:00:00.000Z'], // Saturday, EST (UTC-5)
      ['2027-03-15', '2027-03-16T00:00:00.000Z'], // Monday, EDT (UTC-4)
      ['2027-03-20', '2027-03-21T00:00:00.000Z'],
    ]);
    const autumn = seriesOccurrences(
      rule({ startsOn: '2027-11-01', dueTime: '20:00', count: 2 }),
      'America/New_York',
      10,
    );
    expect(autumn.map((o) => iso(o.dueAtMs))).toEqual(['2027-11-02T00:00:00.000Z', '2027-11-09T01:00:00.000Z']);
  });

  it('a due time inside the spring-forward gap resolves to the same distance after it (01:30 → 02:30 BST)', () => {
    const [due] = seriesOccurrences(rule({ startsOn: '2027-03-28', dueTime: '01:30', count: 1 }), 'Europe/London', 1);
    expect(iso(due.dueAtMs)).toBe('2027-03-28T01:30:00.000Z');
  });
});

describe('where a series ends', () => {
  it('after a count', () => {
    expect(seriesOccurrences(rule({ count: 2 }), 'UTC', 10)).toHaveLength(2);
    expect(nextSeriesOccurrence(rule({ count: 2 }), 'UTC', { number: 2, date: '2027-03-29' })).toBeNull();
  });

  it('on a date, inclusive', () => {
    const dates = seriesOccurrences(rule({ count: null, endsOn: '2027-04-05' }), 'UTC', 10).map((o) => o.date);
    expect(dates).toEqual(['2027-03-22', '2027-03-29', '2027-04-05']);
    const before = seriesOccurrences(rule({ count: null, endsOn: '2027-04-04' }), 'UTC', 10).map((o) => o.date);
    expect(before).toEqual(['2027-03-22', '2027-03-29']);
  });

  it('weekdays fall on the chosen days only, from the first on or after startsOn', () => {
    // 2027-03-22 is a Monday: Tue and Thu.
    const dates = seriesOccurrences(rule({ rhythm: 'weekdays', weekdays: [2, 4], count: 4 }), 'UTC', 10).map(
      (o) => o.date,
    );
    expect(dates).toEqual(['2027-03-23', '2027-03-25', '2027-03-30', '2027-04-01']);
  });
});

describe('an edit changes only what comes after the last occurrence', () => {
  it('a weekly series changed to fortnightly from a new start continues after the last one, numbers and count kept', () => {
    const last = { number: 2, date: '2027-03-29' };
    const edited = rule({ rhythm: 'fortnightly', startsOn: '2027-03-31', dueTime: '07:15', count: 4 });
    const third = nextSeriesOccurrence(edited, 'Europe/London', last);
    expect(third).toEqual({ number: 3, date: '2027-03-31', dueAtMs: Date.parse('2027-03-31T06:15:00Z') });
    const fourth = nextSeriesOccurrence(edited, 'Europe/London', third);
    expect(fourth?.date).toBe('2027-04-14');
    expect(nextSeriesOccurrence(edited, 'Europe/London', fourth)).toBeNull();
  });

  it('a start date already passed keeps the rhythm anchored to it', () => {
    const next = nextSeriesOccurrence(rule({ rhythm: 'fortnightly', count: 9 }), 'UTC', {
      number: 3,
      date: '2027-04-06',
    });
    expect(next?.date).toBe('2027-04-19');
  });
});

describe('when an occurrence is issued', () => {
  it('the first at once, each later one when the one before falls due (never in the past)', () => {
    expect(seriesIssueAtMs(null, 1000)).toBe(1000);
    expect(seriesIssueAtMs(5000, 1000)).toBe(5000);
    expect(seriesIssueAtMs(500, 1000)).toBe(1000);
  });
});

describe('seriesRuleProblems', () => {
  it('accepts a valid rule', () => {
    expect(seriesRuleProblems(rule())).toEqual([]);
    expect(seriesRuleProblems(rule({ count: null, endsOn: '2027-05-01' }))).toEqual([]);
  });

  it.each([
    [{ rhythm: 'daily' as never }, 'rhythm'],
    [{ rhythm: 'weekdays' as const, weekdays: [] }, 'weekdays'],
    [{ rhythm: 'weekdays' as const, weekdays: [1, 1] }, 'weekdays'],
    [{ rhythm: 'weekdays' as const, weekdays: [7] }, 'weekdays'],
    [{ dueTime: '24:00' }, 'dueTime'],
    [{ startsOn: '2027-02-30' }, 'startsOn'],
    [{ count: null }, 'endsOn'],
    [{ endsOn: '2027-05-01' }, 'endsOn'],
    [{ count: null, endsOn: '2027-03-01' }, 'endsOn'],
    [{ count: 0 }, 'count'],
    [{ count: 105 }, 'count'],
  ])('%j is refused, naming %s', (overrides, field) => {
    expect(seriesRuleProblems(rule(overrides)).map((p) => p.field)).toContain(field);
  });
});
