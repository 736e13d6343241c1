import { describe, expect, it } from '@jest/globals';
import { browserTimeZone, supportedTimeZones, timeZoneChoices, timeZoneLabel } from './timeZones';

describe('time zones', () => {
  it('labels zones for people', () => {
    expect(timeZoneLabel('America/Argentina/Buenos_Aires')).toBe('America / Argentina / Buenos Aires');
    expect(timeZoneLabel('UTC')).toBe('UTC');
  });

  it('lists each zone once, sorted, including ones the browser list lacks', () => {
    expect(
      timeZoneChoices(
        ['Europe/London', 'America/New_York', 'Europe/Berlin'],
        ['Asia/Calcutta', 'Europe/London', null, 'UTC'],
      ),
    ).toEqual([
      { id: 'America/New_York', name: 'America / New York' },
      { id: 'Asia/Calcutta', name: 'Asia / Calcutta' },
      { id: 'Europe/Berlin', name: 'Europe / Berlin' },
      { id: 'Europe/London', name: 'Europe / London' },
      { id: 'UTC', name: 'UTC' },
    ]);
  });

  it('knows the runtime’s zones and its own zone', () => {
    const zones = supportedTimeZones();
    expect(zones.length).toBeGreaterThan(100);
    expect(zones).toContain('Europe/London');
    expect(typeof browserTimeZone()).toBe('string');
    expect(timeZoneChoices().some((choice) => choice.id === browserTimeZone())).toBe(true);
  });
});
