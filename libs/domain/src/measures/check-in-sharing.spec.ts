import { partnerScoresVisibleTo, type CheckInScorePoint } from './check-in-sharing';

const point = (occurrence: string, score: number | null): CheckInScorePoint => ({
  occurrence,
  submittedAt: new Date('2026-11-02T09:00:00Z'),
  score,
});

describe('partnerScoresVisibleTo', () => {
  const mine = [point('week-2026-11-02', 6), point('week-2026-11-09', 7)];
  const partner = [point('week-2026-11-02', 4), point('week-2026-11-16', 3)];

  it('shows nothing when the therapist did not allow sharing, even where both answered', () => {
    expect(partnerScoresVisibleTo({ sharesWithPartner: false, mine, partner })).toEqual([]);
  });

  it('shows only occurrences both partners answered when sharing is allowed', () => {
    expect(partnerScoresVisibleTo({ sharesWithPartner: true, mine, partner })).toEqual([partner[0]]);
  });

  it('shows nothing to a partner who has not answered anything', () => {
    expect(partnerScoresVisibleTo({ sharesWithPartner: true, mine: [], partner })).toEqual([]);
  });
});
