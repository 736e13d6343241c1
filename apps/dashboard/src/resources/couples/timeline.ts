import type { NoteFormat, TimelineEvent, TimelineEventKind } from '@trellis/contracts';
import { formatCalendarDate, todayLocal } from '../../common/dates';
import { NOTE_FORMAT_LABELS } from '../notes/noteLabels';

const ASSIGNMENT_KINDS: readonly TimelineEventKind[] = ['assigned', 'submitted', 'reviewed', 'cancelled'];

/** Homework events open the homework's review page; note events, the Notes tab. */
export const isAssignmentEvent = (kind: TimelineEventKind): boolean => ASSIGNMENT_KINDS.includes(kind);

/**
 * "SOAP note for 2026-05-01" (the API's wording: the format's code in capitals, an ISO date) as
 * the notes tab words it: "SOAP note for 1 May 2026", "Free text note for …".
 */
export const noteTitle = (title: string, formatDay: (day: string) => string = formatCalendarDate): string =>
  title
    .replace(/^([A-Z]+)(?= note\b)/, (code) => NOTE_FORMAT_LABELS[code.toLowerCase() as NoteFormat] ?? code)
    .replace(/\b(\d{4}-\d{2}-\d{2})$/, (day) => formatDay(day));

/** One line per event, the person first when there is one. */
export const timelineText = (event: TimelineEvent, formatDay?: (day: string) => string): string => {
  const quoted = `“${event.title}”`;
  switch (event.kind) {
    case 'assigned':
      return `Assigned ${quoted}`;
    case 'submitted':
      return `${event.actor ?? 'A partner'} submitted ${quoted}`;
    case 'reviewed':
      return event.actor ? `${event.actor} reviewed ${quoted}` : `${quoted} was reviewed`;
    case 'cancelled':
      return `Cancelled ${quoted}`;
    case 'note_signed':
      return `${event.actor ?? 'The therapist'} signed the ${noteTitle(event.title, formatDay)}`;
    case 'note_draft':
      return `${event.actor ?? 'The therapist'} started the ${noteTitle(event.title, formatDay)} (draft, not signed yet)`;
  }
};

/** Where an event's link goes. */
export const timelineLink = (event: Pick<TimelineEvent, 'kind' | 'recordId'>, coupleId: string): string =>
  isAssignmentEvent(event.kind)
    ? `/assignments/${encodeURIComponent(event.recordId)}`
    : `/couples/${encodeURIComponent(coupleId)}/show/notes`;

export interface TimelineDay {
  /** `yyyy-MM-dd` in the reader's zone. */
  day: string;
  events: TimelineEvent[];
}

/** Consecutive events of one local day under one heading, keeping the API's order (newest first). */
export const groupByDay = (
  events: readonly TimelineEvent[],
  dayOf: (iso: string) => string = (iso) => todayLocal(new Date(iso)),
): TimelineDay[] => {
  const days: TimelineDay[] = [];
  for (const event of events) {
    const day = dayOf(event.at);
    const last = days[days.length - 1];
    if (last?.day === day) last.events.push(event);
    else days.push({ day, events: [event] });
  }
  return days;
};
