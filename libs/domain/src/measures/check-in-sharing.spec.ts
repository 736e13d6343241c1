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
    expect(partnerScoresVisibleTo({ sharesWithPartner: false, sharingPausedSince: null, mine, partner })).toEqual([]);
  });

  it('shows only occurrences both partners answered when sharing is allowed', () => {
    expect(partnerScoresVisibleTo({ sharesWithPartner: true, sharingPausedSince: null, mine, partner })).toEqual([
      partner[0],
    ]);
  });

  it('shows nothing to a partner who has not answered anything', () => {
    expect(partnerScoresVisibleTo({ sharesWithPartner: true, sharingPausedSince: null, mine: [], partner })).toEqual(
      [],
    );
  });

  it('shares nothing newly while a safety pause is open, and keeps what was shared before it', () => {
    const before = new Date('2026-11-02T09:00:00Z');
    const after = new Date('2026-11-20T09:00:00Z');
    const pausedSince = new Date('2026-11-10T00:00:00Z');
    const mineBoth = [
      { occurrence: 'week-2026-11-02', submittedAt: before, score: 6 },
      { occurrence: 'week-2026-11-16', submittedAt: after, score: 5 },
    ];
    const partnerBoth = [
      { occurrence: 'week-2026-11-02', submittedAt: before, score: 4 },
      { occurrence: 'week-2026-11-16', submittedAt: after, score: 3 },
    ];
    expect(
      partnerScoresVisibleTo({
        sharesWithPartner: true,
        sharingPausedSince: pausedSince,
        mine: mineBoth,
        partner: partnerBoth,
      }),
    ).toEqual([partnerBoth[0]]);
  });
});
