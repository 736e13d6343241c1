import { describe, expect, it } from '@jest/globals';
import { supportedTimeZones } from './timeZones';
import { TIME_ZONE_ALIASES, timeZoneMatches } from './timeZoneAliases';

const zones = [...supportedTimeZones(), 'UTC'];
const find = (search: string) => zones.filter((zone) => timeZoneMatches(zone, search));

describe('finding a time zone by what people call it', () => {
  it('finds New York by the names clients use', () => {
    for (const search of ['Eastern', 'eastern time', 'EST', 'edt', 'New York', 'new_york', 'America/New York', 'york'])
      expect(find(search)).toContain('America/New_York');
  });

  it('finds the other common ones', () => {
    expect(find('Pacific')).toContain('America/Los_Angeles');
    expect(find('PST')).toContain('America/Los_Angeles');
    expect(find('Central')).toContain('America/Chicago');
    expect(find('GMT')).toContain('Europe/London');
    expect(find('BST')).toContain('Europe/London');
    expect(find('AEST')).toContain('Australia/Sydney');
    // India is Asia/Kolkata, listed by older runtimes as Asia/Calcutta.
    expect(find('India').filter((zone) => zone === 'Asia/Kolkata' || zone === 'Asia/Calcutta')).not.toEqual([]);
    expect(find('IST')).toEqual(expect.arrayContaining(['Europe/Dublin', 'Asia/Jerusalem']));
  });

  it('keeps short searches to whole words: "est" is not Bucharest or Budapest', () => {
    expect(find('est')).not.toContain('Europe/Bucharest');
    expect(find('est')).not.toContain('Europe/Budapest');
  });

  it('matches everything on an empty search, nothing on nonsense', () => {
    expect(find('')).toHaveLength(zones.length);
    expect(find('qwertyzone')).toEqual([]);
  });

  it('names only zones the runtime knows (a typo would be a dead entry)', () => {
    const unknown = Object.keys(TIME_ZONE_ALIASES).filter((zone) => {
      try {
        new Intl.DateTimeFormat('en', { timeZone: zone });
        return false;
      } catch {
        return true;
      }
    });
    expect(unknown).toEqual([]);
  });
});
