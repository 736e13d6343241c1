import { describe, expect, it } from '@jest/globals';
import { lastActiveText, onTimeText } from './engagementText';

describe('a partner’s engagement in words', () => {
  it('says how many of the last ones were on time, and when they were last active', () => {
    expect(onTimeText({ counted: 4, missed: 3 })).toBe('1 of the last 4');
    expect(onTimeText({ counted: 0, missed: 0 })).toBe('Nothing due yet');
    expect([null, 0, 1, 12].map((d) => lastActiveText({ daysSinceActive: d }))).toEqual([
      'Never',
      'Today',
      '1 day ago',
      '12 days ago',
    ]);
  });
});
