import { describe, expect, it } from '@jest/globals';
import { offTrackItems, offTrackReasonText } from './offTrack';

const names = ['Avery', 'Blake'];

describe('off-track reasons in plain words', () => {
  it('names the partner and gives the scores', () => {
    expect(offTrackReasonText({ kind: 'worsening', partner: 1, from: 35, to: 29, basis: 'recent_drop' }, names)).toBe(
      'Avery’s check-ins dropped over the last three (35 → 29)',
    );
    expect(
      offTrackReasonText({ kind: 'worsening', partner: 2, from: 30, to: 21.5, basis: 'reliable_change' }, names),
    ).toBe('Blake’s check-ins are worse than at the start (30 → 21.5), by more than chance');
    expect(offTrackReasonText({ kind: 'widening_gap', from: 4, to: 10 }, names)).toBe(
      'The gap between them grew over the last three check-ins (4 → 10 points)',
    );
    expect(offTrackReasonText({ kind: 'low_check_out', partner: 2, score: 5.75 }, names)).toBe(
      'Blake’s last session check-out was low (5.75)',
    );
    expect(offTrackReasonText({ kind: 'no_improvement', partner: 1, sessions: 1, from: 20, to: 21 }, names)).toBe(
      'Avery has not improved after 1 session (20 → 21)',
    );
  });

  it('falls back to the partner’s number when a name is missing', () => {
    expect(offTrackReasonText({ kind: 'low_check_out', partner: 2, score: 3 }, [])).toBe(
      'Partner 2’s last session check-out was low (3)',
    );
  });

  it('links each couple to its Progress tab, with every reason', () => {
    expect(
      offTrackItems([
        {
          coupleId: 'c1',
          coupleName: 'Avery & Blake',
          partnerNames: names,
          reasons: [
            { kind: 'widening_gap', from: 4, to: 10 },
            { kind: 'low_check_out', partner: 1, score: 3 },
          ],
        },
      ]),
    ).toEqual([
      {
        key: 'c1',
        to: '/couples/c1/show/progress',
        primary: 'Avery & Blake',
        secondary:
          'The gap between them grew over the last three check-ins (4 → 10 points). Avery’s last session check-out was low (3).',
      },
    ]);
  });
});
