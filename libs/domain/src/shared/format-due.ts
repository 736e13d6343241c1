// Building an Intl.DateTimeFormat costs far more than using one (it was the worker's most expensive
// function per reminder email); there are only as many as the time zones in use.
const dueFormatters = new Map<string, Intl.DateTimeFormat>();

function dueFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = dueFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      hour: '2-digit',
      minute: '2-digit',
      hour12: false,
    });
    dueFormatters.set(timeZone, formatter);
  }
  return formatter;
}

/**
 * Which clock a time is on, as people say it: "London time", "New York time" (the zone's city; a
 * partner far from their therapist must not guess), "UTC" for the zones without a city.
 */
export function timeZoneLabel(timeZone: string): string {
  const city = timeZone.includes('/') && !timeZone.startsWith('Etc/') ? timeZone.split('/').pop() : undefined;
  return city ? `${city.replace(/_/g, ' ')} time` : timeZone.replace(/^Etc\//, '');
}

/**
 * A due date as a partner reads it, in their own time zone and naming it: "Friday 5 December,
 * 18:00 London time". British-style day-month order reads unambiguously in every English locale.
 */
export function formatDueLabel(due: Date, timeZone: string): string {
  const parts = dueFormatter(timeZone).formatToParts(due);
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('weekday')} ${get('day')} ${get('month')}, ${get('hour')}:${get('minute')} ${timeZoneLabel(timeZone)}`;
}

/** First word of a name, for greetings ("Hi Alex"). */
export function firstName(name: string): string {
  return name.trim().split(/\s+/)[0] ?? name;
}
