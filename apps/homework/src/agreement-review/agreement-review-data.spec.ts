import { describe, expect, it } from '@jest/globals';
import { toAgreementReviewForm, toAgreementReviewResult } from './agreement-review-data';

describe('agreement reviews from the API', () => {
  it('reads a form and refuses a malformed one', () => {
    const body = {
      partnerFirstName: 'Alex',
      clinicName: 'Harbour',
      weekOf: '2026-12-07',
      agreements: [{ agreementId: 'a', versionId: 'v', version: 2, text: 'We share plans by 6 pm', confirmed: true }],
    };
    expect(toAgreementReviewForm(body)?.agreements).toEqual(body.agreements);
    expect(toAgreementReviewForm({ ...body, agreements: [{ agreementId: 'a' }] })).toBeUndefined();
    expect(toAgreementReviewForm('<html>captive portal</html>')).toBeUndefined();
    expect(toAgreementReviewForm({ ...body, weekOf: 7 })).toBeUndefined();
  });

  it('reads a link that only asks to confirm (no week)', () => {
    const body = {
      partnerFirstName: 'Alex',
      clinicName: 'Harbour',
      weekOf: null,
      agreements: [{ agreementId: 'a', versionId: 'v', version: 1, text: 'We share plans by 6 pm', confirmed: false }],
    };
    expect(toAgreementReviewForm(body)).toEqual(body);
  });

  it('reads a result, keeping only well-formed streaks', () => {
    const result = toAgreementReviewResult({
      submittedAt: '2026-12-07T18:00:00Z',
      streaks: [
        { agreementId: 'a', text: 'We share plans', keptWeeksInARow: 3 },
        { agreementId: 'b', keptWeeksInARow: 'x' },
      ],
    });
    expect(result?.streaks).toEqual([{ agreementId: 'a', text: 'We share plans', keptWeeksInARow: 3 }]);
    expect(toAgreementReviewResult({ submittedAt: 1 })).toBeUndefined();
  });
});
