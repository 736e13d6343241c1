export interface TimeZoneChoice {
  id: string;
  name: string;
}

/** The browser's own zone, the sensible default for a new couple (most clients live near their therapist). */
export const browserTimeZone = (): string => {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
};

/** Every IANA zone this browser knows; older browsers without supportedValuesOf get a short list. */
export const supportedTimeZones = (): string[] => {
  const intl = Intl as typeof Intl & { supportedValuesOf?: (key: 'timeZone') => string[] };
  try {
    return intl.supportedValuesOf?.('timeZone') ?? [];
  } catch {
    return [];
  }
};

/** "America/Argentina/Buenos_Aires" → "America / Argentina / Buenos Aires", for reading and search. */
export const timeZoneLabel = (zone: string): string => zone.replace(/_/g, ' ').split('/').join(' / ');

/**
 * Choices for a time-zone input, alphabetical, each once. `include` adds zones the list may lack
 * (the browser's zone, the record's current value, UTC): browsers list canonical names only, and a
 * stored "Asia/Calcutta" must still show as selected rather than blank.
 */
export const timeZoneChoices = (
  supported: readonly string[] = supportedTimeZones(),
  include: readonly (string | null | undefined)[] = [browserTimeZone(), 'UTC'],
): TimeZoneChoice[] => {
  const zones = new Set<string>(supported);
  for (const zone of include) if (zone) zones.add(zone);
  return [...zones].sort((a, b) => a.localeCompare(b)).map((id) => ({ id, name: timeZoneLabel(id) }));
};
