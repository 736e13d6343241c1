import { describe, expect, it } from '@jest/globals';
import { accountsDiffer, type AgreementWeek, sharedKeptStreak } from './agreement-review';

const week = (weekOf: string, a: AgreementWeek['answers'][number], b: AgreementWeek['answers'][number]) => ({
  weekOf,
  answers: [a, b],
});

describe('agreement reviews', () => {
  it('flags accounts that differ only once both partners answered', () => {
    expect(accountsDiffer(['kept', 'not_kept'])).toBe(true);
    expect(accountsDiffer(['kept', 'mostly'])).toBe(true);
    expect(accountsDiffer(['kept', 'kept'])).toBe(false);
    expect(accountsDiffer(['kept', null])).toBe(false);
    expect(accountsDiffer(['not_kept'])).toBe(false);
  });

  it('counts the most recent weeks both said kept, in any order given', () => {
    expect(
      sharedKeptStreak([
        week('2026-11-16', 'kept', 'kept'),
        week('2026-11-30', 'kept', 'kept'),
        week('2026-11-02', 'kept', 'kept'),
        week('2026-11-23', 'kept', 'kept'),
        week('2026-11-09', 'mostly', 'kept'),
      ]),
    ).toBe(3);
  });

  it('leaves out the latest week unless both said kept, so the other partner’s answer stays private', () => {
    const before = [week('2026-11-23', 'kept', 'kept'), week('2026-11-16', 'kept', 'kept')];
    expect(sharedKeptStreak([...before, week('2026-11-30', 'kept', null)])).toBe(2);
    expect(sharedKeptStreak([...before, week('2026-11-30', 'kept', 'not_kept')])).toBe(2);
    expect(sharedKeptStreak([...before, week('2026-11-30', 'kept', 'kept')])).toBe(3);
  });

  it('is broken by an earlier week that was not kept by both, and zero with no weeks or one partner', () => {
    expect(sharedKeptStreak([week('2026-11-30', 'kept', 'kept'), week('2026-11-23', null, 'kept')])).toBe(1);
    expect(sharedKeptStreak([])).toBe(0);
    expect(sharedKeptStreak([{ weekOf: '2026-11-30', answers: ['kept'] }])).toBe(0);
  });
});
