import { describe, expect, it } from '@jest/globals';
import { checkInDetail, checkInItems } from './checkIns';

describe('the home screen’s check-in tasks', () => {
  it('say who, in which couple, how many missed in a row and when they were last active', () => {
    const [item] = checkInItems([
      {
        coupleId: 'c1',
        coupleName: 'Jordan & Priya',
        clientId: 'p1',
        partnerName: 'Jordan',
        missedInARow: 3,
        lastActiveAt: null,
      },
    ]);
    expect(item).toEqual({
      key: 'p1',
      to: '/couples/c1/show',
      primary: 'Check in with Jordan',
      secondary: 'Jordan & Priya · missed 3 in a row · never opened a link',
    });
    const recent = checkInDetail({
      coupleName: 'A & B',
      missedInARow: 4,
      lastActiveAt: new Date(Date.now() - 3 * 24 * 3600 * 1000).toISOString(),
    });
    expect(recent).toMatch(/^A & B · missed 4 in a row · last active .+/);
    expect(checkInItems(undefined)).toEqual([]);
  });
});
