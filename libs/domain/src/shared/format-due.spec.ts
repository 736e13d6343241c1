import { firstName, formatDueLabel } from './format-due';

describe('formatDueLabel', () => {
  it("formats in the partner's own time zone", () => {
    const due = new Date('2026-12-05T18:00:00Z');
    expect(formatDueLabel(due, 'Europe/London')).toBe('Saturday 5 December, 18:00');
    expect(formatDueLabel(due, 'Pacific/Auckland')).toBe('Sunday 6 December, 07:00');
    expect(formatDueLabel(due, 'America/New_York')).toBe('Saturday 5 December, 13:00');
  });
  it('takes the first word of a name', () => {
    expect(firstName('  Alex  Morgan ')).toBe('Alex');
  });
});
