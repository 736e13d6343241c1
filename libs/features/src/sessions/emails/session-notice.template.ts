import ical, { ICalAttendeeRole, ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { NEUTRAL_PARTNER_EMAIL, partnerEmailEnvelope } from '@trellis/domain';
import { renderLayout, type RenderedEmail } from '@trellis/mail';

/** One appointment as a partner's email shows it: when and where, never what it is about. */
export interface NoticeSession {
  id: string;
  sequence: number;
  startsAt: Date;
  durationMinutes: number;
  location: string | null;
  videoUrl: string | null;
}

export interface SessionNoticeModel {
  kind: 'invitation' | 'cancellation' | 'reminder';
  clinicName: string;
  partnerFirstName: string;
  partnerEmail: string;
  /** The partner's own time zone: every time in the email is their wall clock. */
  timeZone: string;
  sessions: readonly NoticeSession[];
  /** The clinic sends partner emails under a neutral subject, sender and body. */
  neutral: boolean;
  /** The organizer's address (the configured sender): replies from calendar apps go there. */
  organizerEmail: string;
}

/** "Tuesday 8 December 2026, 10:00–10:50 (Europe/London)". */
export function describeAppointment(startsAt: Date, minutes: number, timeZone: string): string {
  const day = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(startsAt);
  const time = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const end = new Date(startsAt.getTime() + minutes * 60_000);
  return `${day}, ${time.format(startsAt)}–${time.format(end)} (${timeZone})`;
}

function place(s: NoticeSession): string | null {
  if (s.location && s.videoUrl) return `${s.location}, or by video: ${s.videoUrl}`;
  if (s.location) return s.location;
  if (s.videoUrl) return `By video: ${s.videoUrl}`;
  return null;
}

/**
 * The iCalendar text: one VEVENT per session, its UID the session's (stable across moves, as in the
 * therapist's feed) and its SEQUENCE the session's, so a calendar app updates or removes the event
 * it already has. The summary names the clinic (or nothing, for neutral emails); no names, notes or
 * reasons: a calendar is often shared or synced to other devices.
 */
export function sessionCalendar(model: SessionNoticeModel, method: 'REQUEST' | 'CANCEL'): string {
  const organizerName = model.neutral ? NEUTRAL_PARTNER_EMAIL.senderName : model.clinicName;
  const calendar = ical({
    prodId: { company: 'Trellis', product: 'appointments' },
    method: method === 'REQUEST' ? ICalCalendarMethod.REQUEST : ICalCalendarMethod.CANCEL,
  });
  for (const s of model.sessions) {
    calendar.createEvent({
      id: `${s.id}@trellis`,
      sequence: s.sequence,
      start: s.startsAt,
      end: new Date(s.startsAt.getTime() + s.durationMinutes * 60_000),
      summary: model.neutral ? 'Appointment' : `Appointment at ${model.clinicName}`,
      location: s.location ?? (s.videoUrl ? 'Video' : null),
      url: s.videoUrl,
      description: s.videoUrl ? `Video link: ${s.videoUrl}` : null,
      status: method === 'CANCEL' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      organizer: { name: organizerName, email: model.organizerEmail },
      attendees: [{ email: model.partnerEmail, role: ICalAttendeeRole.REQ, rsvp: false }],
    });
  }
  return calendar.toString();
}

const HEADINGS = {
  invitation: { one: 'Your appointment', many: 'Your appointments' },
  cancellation: { one: 'Appointment cancelled', many: 'Appointments cancelled' },
  reminder: { one: 'Your appointment tomorrow', many: 'Your appointment tomorrow' },
} as const;

/**
 * A partner's appointment email: booked or moved (with an iCalendar REQUEST), cancelled (with a
 * CANCEL) or the day-before reminder. It says when and where, and the clinic's name unless the
 * clinic chose neutral emails; never the counselor, the other partner, a cancellation reason or
 * anything said in sessions, since an inbox may be read by someone else.
 */
export function renderSessionNotice(model: SessionNoticeModel): RenderedEmail {
  const many = model.sessions.length > 1;
  const heading = HEADINGS[model.kind][many ? 'many' : 'one'];
  const lines = model.sessions.map((s) => {
    const where = place(s);
    return `${describeAppointment(s.startsAt, s.durationMinutes, model.timeZone)}${where ? ` — ${where}` : ''}`;
  });
  const intro = {
    invitation: many
      ? 'These are your appointments. Your calendar app can add them from this email.'
      : 'This is your appointment. Your calendar app can add it from this email.',
    cancellation: many ? 'These appointments are cancelled:' : 'This appointment is cancelled:',
    reminder: 'A reminder of your appointment:',
  }[model.kind];
  const who = model.neutral ? '' : ` at ${model.clinicName}`;
  const { html, text } = renderLayout({
    clinicName: model.neutral ? NEUTRAL_PARTNER_EMAIL.senderName : model.clinicName,
    heading: model.neutral ? NEUTRAL_PARTNER_EMAIL.subject : heading,
    paragraphs: [
      model.partnerFirstName ? `Hi ${model.partnerFirstName},` : 'Hello,',
      intro,
      ...lines,
      model.kind === 'cancellation'
        ? `If you were not expecting this, please get in touch${who}.`
        : `If the time does not suit you, please get in touch${who}.`,
    ],
  });
  const subject = `${heading}${model.neutral ? '' : ` at ${model.clinicName}`}`;
  const rendered: RenderedEmail = { html, text, ...partnerEmailEnvelope(subject, model.neutral) };
  if (model.kind === 'reminder') return rendered;
  return {
    ...rendered,
    calendar: {
      method: model.kind === 'invitation' ? 'REQUEST' : 'CANCEL',
      content: sessionCalendar(model, model.kind === 'invitation' ? 'REQUEST' : 'CANCEL'),
    },
  };
}
