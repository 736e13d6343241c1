import { firstName, formatDueLabel, timeZoneLabel } from './format-due';

describe('formatDueLabel', () => {
  it("formats in the partner's own time zone", () => {
    const due = new Date('2026-12-05T18:00:00Z');
    expect(formatDueLabel(due, 'Europe/London')).toBe('Saturday 5 December, 18:00 London time');
    expect(formatDueLabel(due, 'Pacific/Auckland')).toBe('Sunday 6 December, 07:00 Auckland time');
    expect(formatDueLabel(due, 'America/New_York')).toBe('Saturday 5 December, 13:00 New York time');
    expect(formatDueLabel(due, 'UTC')).toBe('Saturday 5 December, 18:00 UTC');
  });
  it('names the clock the time is on', () => {
    expect(timeZoneLabel('America/Argentina/Buenos_Aires')).toBe('Buenos Aires time');
    expect(timeZoneLabel('Etc/UTC')).toBe('UTC');
    expect(timeZoneLabel('UTC')).toBe('UTC');
  });
  it('takes the first word of a name', () => {
    expect(firstName('  Alex  Morgan ')).toBe('Alex');
  });
});
