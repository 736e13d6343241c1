import { describe, expect, it } from '@jest/globals';
import type { AssignmentSummary, PartnerProgress } from '@trellis/contracts';
import { assignOutcomes, partnerEmailSummary } from './emailOutcome';

const partner = (position: 1 | 2, name: string, email: PartnerProgress['email']) =>
  ({ position, name, email }) as PartnerProgress;

describe('what the therapist is told about the link emails', () => {
  it('names each partner and what happened, in partner order', () => {
    expect(partnerEmailSummary([partner(2, 'Sam', 'no_consent'), partner(1, 'Alex', 'sending')])).toBe(
      'Alex: emailed their link (on its way); Sam: not emailed — no consent to email',
    );
    expect(partnerEmailSummary([partner(1, 'Alex', 'sent'), partner(2, 'Sam', 'failed')])).toBe(
      'Alex: emailed their link; Sam: email failed',
    );
  });

  it('never says a partner without consent was emailed', () => {
    const [outcome] = assignOutcomes([
      {
        coupleId: 'c1',
        partners: [partner(1, 'Alex', 'no_consent'), partner(2, 'Sam', 'no_consent')],
      } as AssignmentSummary,
    ]);
    expect(outcome.summary).not.toMatch(/: emailed/);
    expect(outcome.waitingForConsent).toEqual(['Alex', 'Sam']);
  });
});
