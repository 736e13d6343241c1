import { outcomeProblems } from './attendance';

describe('outcomeProblems', () => {
  it.each([
    ['held', ['attended', 'attended'], true],
    ['held', ['attended', 'absent'], true],
    ['held', ['absent', 'late'], true],
    ['held', ['absent', 'absent'], false],
    ['no_show', ['absent', 'absent'], true],
    ['no_show', ['late', 'absent'], false],
    ['no_show', ['attended', 'attended'], false],
  ] as const)('%s with %p is consistent: %p', (outcome, attendance, ok) => {
    const problems = outcomeProblems(outcome, attendance);
    expect(problems.length === 0).toBe(ok);
    if (!ok) expect(problems[0].field).toBe('attendance');
  });
});
