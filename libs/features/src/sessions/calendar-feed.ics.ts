import ical, { ICalEventStatus } from 'ical-generator';
import type { FeedSession } from './calendar-feeds.repository';

/**
 * A therapist's sessions as iCalendar text: times and places, no clinical detail. `stamp` fixes each
 * event's DTSTAMP (the OpenAPI example needs the same text every time); the feed leaves it to now.
 */
export function sessionsCalendar(sessions: readonly FeedSession[], publicUrl: string, stamp?: Date): string {
  const calendar = ical({ name: 'Trellis sessions', prodId: { company: 'Trellis', product: 'sessions' } });
  for (const s of sessions) {
    calendar.createEvent({
      id: `${s.id}@trellis`,
      ...(stamp ? { stamp } : {}),
      start: s.startsAt,
      end: new Date(s.startsAt.getTime() + s.durationMinutes * 60_000),
      summary: 'Couples session',
      location: s.location ?? (s.videoUrl ? 'Video' : null),
      url: `${publicUrl}/#/couples/${s.coupleId}/show/sessions`,
      status: s.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
  return calendar.toString();
}
