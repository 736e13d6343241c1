/**
 * What people call the zones they live in, besides the city the IANA name uses: "Eastern", "EST",
 * "Pacific time", "India", "AEST". The time-zone inputs match these as well as the city, so a
 * therapist who types what a client told them finds the zone. Abbreviations that mean different
 * places (IST: India, Ireland, Israel; CST: US Central, China) list every zone they may mean.
 */
export const TIME_ZONE_ALIASES: Readonly<Record<string, readonly string[]>> = {
  'America/New_York': ['Eastern', 'Eastern Time', 'ET', 'EST', 'EDT', 'US Eastern', 'New York'],
  'America/Toronto': ['Eastern', 'Eastern Time', 'ET', 'EST', 'EDT', 'Ontario'],
  'America/Chicago': ['Central', 'Central Time', 'CT', 'CST', 'CDT', 'US Central'],
  'America/Winnipeg': ['Central', 'Central Time', 'CST', 'CDT', 'Manitoba'],
  'America/Denver': ['Mountain', 'Mountain Time', 'MT', 'MST', 'MDT', 'US Mountain'],
  'America/Edmonton': ['Mountain', 'Mountain Time', 'MST', 'MDT', 'Alberta'],
  'America/Phoenix': ['Arizona', 'Mountain', 'MST'],
  'America/Los_Angeles': ['Pacific', 'Pacific Time', 'PT', 'PST', 'PDT', 'US Pacific', 'California'],
  'America/Vancouver': ['Pacific', 'Pacific Time', 'PST', 'PDT', 'British Columbia'],
  'America/Anchorage': ['Alaska', 'AKST', 'AKDT'],
  'Pacific/Honolulu': ['Hawaii', 'HST'],
  'America/Halifax': ['Atlantic', 'Atlantic Time', 'AST', 'ADT', 'Nova Scotia'],
  'America/St_Johns': ['Newfoundland', 'NST', 'NDT'],
  'America/Puerto_Rico': ['Atlantic', 'AST'],
  'America/Mexico_City': ['Mexico', 'Central', 'CST'],
  'America/Sao_Paulo': ['Brazil', 'Brasilia', 'BRT'],
  // Browsers list some zones by their older names: both are here.
  'America/Argentina/Buenos_Aires': ['Argentina', 'ART'],
  'America/Buenos_Aires': ['Argentina', 'ART'],
  'America/Bogota': ['Colombia', 'COT'],
  'Europe/London': ['UK', 'United Kingdom', 'Britain', 'British', 'England', 'GMT', 'BST', 'Greenwich'],
  'Europe/Dublin': ['Ireland', 'Irish', 'IST', 'GMT'],
  'Europe/Lisbon': ['Portugal', 'WET', 'WEST', 'Western European'],
  'Europe/Paris': ['France', 'CET', 'CEST', 'Central European'],
  'Europe/Berlin': ['Germany', 'CET', 'CEST', 'Central European'],
  'Europe/Madrid': ['Spain', 'CET', 'CEST', 'Central European'],
  'Europe/Rome': ['Italy', 'CET', 'CEST', 'Central European'],
  'Europe/Amsterdam': ['Netherlands', 'Holland', 'CET', 'CEST', 'Central European'],
  'Europe/Brussels': ['Belgium', 'CET', 'CEST', 'Central European'],
  'Europe/Zurich': ['Switzerland', 'CET', 'CEST', 'Central European'],
  'Europe/Stockholm': ['Sweden', 'CET', 'CEST', 'Central European'],
  'Europe/Warsaw': ['Poland', 'CET', 'CEST', 'Central European'],
  'Europe/Athens': ['Greece', 'EET', 'EEST', 'Eastern European'],
  'Europe/Helsinki': ['Finland', 'EET', 'EEST', 'Eastern European'],
  'Europe/Kyiv': ['Ukraine', 'Kiev', 'EET', 'EEST', 'Eastern European'],
  'Europe/Kiev': ['Ukraine', 'Kyiv', 'EET', 'EEST', 'Eastern European'],
  'Europe/Istanbul': ['Turkey', 'TRT'],
  'Europe/Moscow': ['Russia', 'MSK', 'Moscow'],
  'Africa/Johannesburg': ['South Africa', 'SAST'],
  'Africa/Lagos': ['Nigeria', 'WAT', 'West Africa'],
  'Africa/Nairobi': ['Kenya', 'EAT', 'East Africa'],
  'Africa/Cairo': ['Egypt', 'EET'],
  'Asia/Jerusalem': ['Israel', 'IST', 'IDT'],
  'Asia/Dubai': ['UAE', 'Emirates', 'Gulf', 'GST'],
  'Asia/Kolkata': ['India', 'IST', 'Indian'],
  'Asia/Calcutta': ['India', 'IST', 'Indian'],
  'Asia/Karachi': ['Pakistan', 'PKT'],
  'Asia/Dhaka': ['Bangladesh', 'BST'],
  'Asia/Bangkok': ['Thailand', 'ICT'],
  'Asia/Singapore': ['Singapore', 'SGT'],
  'Asia/Hong_Kong': ['Hong Kong', 'HKT'],
  'Asia/Shanghai': ['China', 'Beijing', 'CST'],
  'Asia/Taipei': ['Taiwan', 'CST'],
  'Asia/Manila': ['Philippines', 'PHT', 'PST'],
  'Asia/Tokyo': ['Japan', 'JST'],
  'Asia/Seoul': ['Korea', 'KST'],
  'Australia/Perth': ['Western Australia', 'AWST'],
  'Australia/Adelaide': ['South Australia', 'ACST', 'ACDT'],
  'Australia/Darwin': ['Northern Territory', 'ACST'],
  'Australia/Brisbane': ['Queensland', 'AEST'],
  'Australia/Sydney': ['New South Wales', 'NSW', 'AEST', 'AEDT', 'Australian Eastern'],
  'Australia/Melbourne': ['Victoria', 'AEST', 'AEDT', 'Australian Eastern'],
  'Pacific/Auckland': ['New Zealand', 'NZ', 'NZST', 'NZDT'],
  UTC: ['Coordinated Universal Time', 'GMT', 'Zulu', 'Z'],
};

const normalise = (text: string) =>
  text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[_/]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/**
 * Whether a zone matches what was typed: any word of its name ("york", "america new"), or one of
 * its common names or abbreviations, each word of the search found somewhere. "Eastern time" and
 * "est" find New York; "new york" finds it too; an empty search matches everything.
 */
export const timeZoneMatches = (zone: string, search: string): boolean => {
  const words = normalise(search).split(' ').filter(Boolean);
  if (words.length === 0) return true;
  const haystacks = [zone, ...(TIME_ZONE_ALIASES[zone] ?? [])].map(normalise);
  // Short searches (abbreviations) match whole words only: "est" must not find "Bucharest".
  const found = (word: string) =>
    haystacks.some((text) =>
      word.length <= 4 ? text.split(' ').includes(word) || text.startsWith(word) : text.includes(word),
    );
  return words.every(found);
};
