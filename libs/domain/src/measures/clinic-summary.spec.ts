import { changeBar, coupleChange } from './clinic-summary';

const checkIn = { higherIsBetter: true, reliableChange: null };
const distress = { higherIsBetter: false, reliableChange: 4 };
const span = (first: number, latest: number, count = 3) => ({ first, latest, count });

describe('coupleChange', () => {
  it('compares each partner with their own first check-in, by the clinic’s bar without a reliable change', () => {
    expect(coupleChange(checkIn, [span(20, 25), span(30, 31)], 5)).toBe('improving');
    expect(coupleChange(checkIn, [span(20, 24.5), span(30, 31)], 5)).toBe('unchanged');
    expect(coupleChange(checkIn, [span(20, 15), span(30, 31)], 5)).toBe('worsening');
  });

  it('lets worsening win over improving: that is the couple to look at', () => {
    expect(coupleChange(checkIn, [span(20, 30), span(30, 20)], 5)).toBe('worsening');
  });

  it('uses the reliable change, and runs the other way when lower is better', () => {
    expect(coupleChange(distress, [span(20, 16), span(20, 20)], 100)).toBe('improving');
    expect(coupleChange(distress, [span(20, 23.5), span(20, 20)], 1)).toBe('unchanged');
    expect(coupleChange(distress, [span(20, 24), span(20, 20)], 1)).toBe('worsening');
  });

  it('needs two check-ins from a partner to say anything', () => {
    expect(coupleChange(checkIn, [span(20, 20, 1), span(30, 30, 0)], 5)).toBe('too_few');
    expect(coupleChange(checkIn, [span(20, 40, 1), span(30, 36, 2)], 5)).toBe('improving');
    expect(coupleChange(checkIn, [], 5)).toBe('too_few');
  });

  it('refuses a bar that is not positive', () => {
    expect(() => coupleChange(checkIn, [span(1, 2)], 0)).toThrow(RangeError);
    expect(() => changeBar({ reliableChange: -1 }, 5)).toThrow(RangeError);
    expect(changeBar({ reliableChange: null }, 5)).toBe(5);
  });
});
