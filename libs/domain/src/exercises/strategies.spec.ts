import { getStrategy, isStrategyKey, STRATEGIES, STRATEGY_KEYS } from './strategies';

describe('strategies', () => {
  it('lists the fifteen strategies of the seed in order, with stable keys', () => {
    expect(STRATEGY_KEYS).toEqual([
      'honest_talk',
      'apology',
      'patience',
      'agreed_boundaries',
      'consistency',
      'seeking_help',
      'learning_from_past',
      'empathy',
      'openness',
      'communication',
      'personal_growth',
      'good_times',
      'forgiveness',
      'shared_values',
      'small_wins',
    ]);
  });

  it('gives every strategy a short, unique display name and a one-line summary', () => {
    const names = STRATEGIES.map((strategy) => strategy.name);
    expect(new Set(names).size).toBe(STRATEGIES.length);
    for (const strategy of STRATEGIES) {
      expect(strategy.name.length).toBeGreaterThan(0);
      expect(strategy.name.length).toBeLessThanOrEqual(40);
      expect(strategy.summary.length).toBeGreaterThan(0);
      expect(strategy.summary.length).toBeLessThanOrEqual(140);
    }
  });

  it('recognises strategy keys and looks them up', () => {
    expect(isStrategyKey('forgiveness')).toBe(true);
    expect(isStrategyKey('Forgiveness')).toBe(false);
    expect(isStrategyKey(undefined)).toBe(false);
    expect(getStrategy('small_wins').name).toBe('Celebrating small wins');
  });
});
