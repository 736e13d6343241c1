import { describe, expect, it } from '@jest/globals';
import { safetyCheckInFormValues, safetyCheckInSetting, validateSafetyCheckInDays } from './safetyCheckIns';

describe('the clinic’s safety check-in setting in the form', () => {
  it('shows off as a switch that is off, with a suggested interval ready', () => {
    expect(safetyCheckInFormValues(null)).toEqual({ safetyCheckInsOn: false, safetyCheckInIntervalDays: 28 });
    expect(safetyCheckInFormValues(14)).toEqual({ safetyCheckInsOn: true, safetyCheckInIntervalDays: 14 });
  });

  it('sends null when off, whatever the interval field holds, and the days when on', () => {
    expect(safetyCheckInSetting({ safetyCheckInsOn: false, safetyCheckInIntervalDays: 14 })).toBeNull();
    expect(safetyCheckInSetting({ safetyCheckInIntervalDays: 14 })).toBeNull();
    expect(safetyCheckInSetting({ safetyCheckInsOn: true, safetyCheckInIntervalDays: 14 })).toBe(14);
    expect(safetyCheckInSetting({ safetyCheckInsOn: true, safetyCheckInIntervalDays: '21' })).toBe(21);
  });

  it('takes whole days from 7 to 180, and says what is wrong otherwise', () => {
    for (const ok of [7, 28, 180, '30']) expect(validateSafetyCheckInDays(ok)).toBeUndefined();
    for (const bad of [6, 181, 0, -7]) expect(validateSafetyCheckInDays(bad)).toBe('Between 7 and 180 days.');
    for (const bad of [7.5, '', null, undefined, 'abc'])
      expect(validateSafetyCheckInDays(bad)).toBe('Enter a whole number of days.');
  });
});
