import { describe, expect, it } from '@jest/globals';
import { toCheckInForm, toCheckInResult } from './check-in-data';

const scale = { min: 0, max: 10, minLabel: 'Not at all', maxLabel: 'Completely' };

describe('check-in answers from the API', () => {
  it('reads a form and refuses one whose items are not on a scale', () => {
    const body = {
      partnerFirstName: 'Alex',
      clinicName: 'Harbour',
      title: 'Weekly',
      instructions: '',
      items: [{ id: 'close', label: 'Close', scale }],
    };
    expect(toCheckInForm(body)?.items).toEqual([{ id: 'close', label: 'Close', scale }]);
    expect(
      toCheckInForm({ ...body, items: [{ id: 'close', label: 'Close', scale: { min: 5, max: 1 } }] }),
    ).toBeUndefined();
    expect(toCheckInForm('<html>captive portal</html>')).toBeUndefined();
  });

  it('reads a result, keeping only well-formed points of either partner', () => {
    const result = toCheckInResult({
      submittedAt: '2026-12-05T10:00:00Z',
      score: 30,
      range: { min: 0, max: 50 },
      higherIsBetter: true,
      mine: [{ occurrence: 'week-2026-11-29', submittedAt: '2026-11-29T10:00:00Z', score: 28 }, { score: 'x' }],
      partner: [],
      partnerFirstName: null,
    });
    expect(result?.mine).toHaveLength(1);
    expect(result?.partner).toEqual([]);
    expect(toCheckInResult({ submittedAt: 'x' })).toBeUndefined();
  });
});
