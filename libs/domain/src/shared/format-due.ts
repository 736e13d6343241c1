/**
 * A due date as a partner reads it, in their own time zone: "Friday 5 December, 18:00".
 * British-style day-month order reads unambiguously in every English locale.
 */
export function formatDueLabel(due: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).formatToParts(due);
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('weekday')} ${get('day')} ${get('month')}, ${get('hour')}:${get('minute')}`;
}

/** First word of a name, for greetings ("Hi Alex"). */
export function firstName(name: string): string {
  return name.trim().split(/\s+/)[0] ?? name;
}
