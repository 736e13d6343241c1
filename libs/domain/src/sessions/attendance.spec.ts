import { outcomeProblems } from './attendance';

describe('outcomeProblems', () => {
  it.each([
    ['held', ['attended', 'attended'], []],
    ['held', ['attended', 'absent'], []],
    ['held', ['absent', 'late'], []],
    ['held', ['absent', 'absent'], ['partner1', 'partner2']],
    ['no_show', ['absent', 'absent'], []],
    ['no_show', ['late', 'absent'], ['partner1']],
    ['no_show', ['absent', 'attended'], ['partner2']],
    ['no_show', ['attended', 'attended'], ['partner1', 'partner2']],
  ] as const)('%s with %p names the request fields %p', (outcome, attendance, fields) => {
    // The fields a client sends (partner1, partner2), never a name of our own like "attendance".
    expect(outcomeProblems(outcome, attendance).map((p) => p.field)).toEqual(fields);
  });
});
