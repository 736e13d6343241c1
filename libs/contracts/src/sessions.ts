/** A session's life: booked (scheduled), then held, missed by both partners (no_show), or cancelled. */
export const SESSION_STATUSES = ['scheduled', 'held', 'cancelled', 'no_show'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

export const SESSION_FREQUENCIES = ['weekly', 'fortnightly'] as const;
export type SessionFrequency = (typeof SESSION_FREQUENCIES)[number];

export const PARTNER_ATTENDANCES = ['attended', 'late', 'absent'] as const;
export type PartnerAttendance = (typeof PARTNER_ATTENDANCES)[number];

/** The outcomes a therapist records once a session has started. */
export const SESSION_OUTCOMES = ['held', 'no_show'] as const;
export type SessionOutcomeStatus = (typeof SESSION_OUTCOMES)[number];

/** Which sessions a change to one session of a series touches: it alone, or it and every later one. */
export const SESSION_CHANGE_SCOPES = ['this', 'following'] as const;
export type SessionChangeScope = (typeof SESSION_CHANGE_SCOPES)[number];

export interface SessionAttendanceView {
  position: 1 | 2;
  partnerName: string;
  attendance: PartnerAttendance;
}

/** One session as staff see it: on the couple page and in the calendar. */
export interface SessionView {
  id: string;
  coupleId: string;
  coupleName: string;
  therapistId: string;
  therapistName: string;
  /** Shared by the sessions of one series; null for a one-off. */
  seriesId: string | null;
  frequency: SessionFrequency | null;
  startsAt: string;
  endsAt: string;
  durationMinutes: number;
  location: string | null;
  videoUrl: string | null;
  status: SessionStatus;
  cancelReason: string | null;
  /** Each partner's attendance, once an outcome is recorded; empty before. */
  attendance: SessionAttendanceView[];
  /** The session's note and whether it is signed: shown to the couple's own therapist only (notes are theirs). */
  note: { id: string; signed: boolean } | null;
}

/** Your private calendar feed: whether one is live, and (only right after it is made) its URL. */
export interface CalendarFeedView {
  active: boolean;
  createdAt: string | null;
  expiresAt: string | null;
  /** The secret URL, shown once when the feed is made; null afterwards (only its hash is kept). */
  url: string | null;
}

/** What booking a one-off session or a series answers: every session it made, earliest first. */
export interface BookedSessions {
  data: SessionView[];
  total: number;
}
