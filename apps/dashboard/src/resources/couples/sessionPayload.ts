import type {
  ApiRequestBody,
  PartnerAttendance,
  SessionChangeScope,
  SessionFrequency,
  SessionView,
} from '@trellis/contracts';
import type { AsTyped } from '../../data/api';
import { isoOrNull, toLocalInputValue } from '../../common/dates';
import { errorMessage, submissionErrors, type FormErrors } from '../../data/formErrors';

/** The booking form's values as typed. */
export interface BookingForm {
  startsAt: string;
  durationMinutes: string;
  location: string;
  videoUrl: string;
  repeat: 'none' | SessionFrequency;
  occurrences: string;
}

export const emptyBooking = (): BookingForm => ({
  startsAt: '',
  durationMinutes: '50',
  location: '',
  videoUrl: '',
  repeat: 'none',
  occurrences: '6',
});

/**
 * What POST /couples/:id/sessions takes: blanks left out, numbers as numbers, a series only when
 * repeated. The API checks every field and names the one it refuses.
 */
export type BookingBody = ApiRequestBody<'/couples/{id}/sessions', 'post'>;

export function bookingBody(form: BookingForm): BookingBody {
  const body: BookingBody = { startsAt: isoOrNull(form.startsAt) ?? form.startsAt };
  if (form.durationMinutes.trim()) body.durationMinutes = Number(form.durationMinutes);
  if (form.location.trim()) body.location = form.location.trim();
  if (form.videoUrl.trim()) body.videoUrl = form.videoUrl.trim();
  if (form.repeat !== 'none') {
    body.frequency = form.repeat;
    body.occurrences = Number(form.occurrences);
  }
  return body;
}

/** The move (reschedule or edit) form's values as typed: start in the browser's zone, like the tab shows it. */
export interface MoveForm {
  startsAt: string;
  durationMinutes: string;
  location: string;
  videoUrl: string;
  scope: SessionChangeScope;
}

/** The move form filled from the session as it is: a change is what the therapist edits from here. */
export const moveFormFor = (session: SessionView): MoveForm => ({
  startsAt: toLocalInputValue(session.startsAt),
  durationMinutes: String(session.durationMinutes),
  location: session.location ?? '',
  videoUrl: session.videoUrl ?? '',
  scope: 'this',
});

/**
 * What PATCH /sessions/:id takes: only the fields that changed (a place or link emptied is null,
 * which clears it), and `scope: 'following'` when the rest of a series moves too. Null when
 * nothing changed, so the form can say so instead of sending an empty change. Unreadable values go
 * as typed, for the API to name the field.
 */
export type MoveBody = AsTyped<ApiRequestBody<'/sessions/{id}', 'patch'>>;

export function moveBody(form: MoveForm, session: SessionView): MoveBody | null {
  const body: MoveBody = {};
  if (form.startsAt !== toLocalInputValue(session.startsAt)) body.startsAt = isoOrNull(form.startsAt) ?? form.startsAt;
  const minutes = form.durationMinutes.trim();
  if (minutes !== String(session.durationMinutes)) body.durationMinutes = minutes === '' ? minutes : Number(minutes);
  const location = form.location.trim();
  if (location !== (session.location ?? '')) body.location = location || null;
  const videoUrl = form.videoUrl.trim();
  if (videoUrl !== (session.videoUrl ?? '')) body.videoUrl = videoUrl || null;
  if (Object.keys(body).length === 0) return null;
  if (form.scope === 'following' && session.seriesId) body.scope = 'following';
  return body;
}

const MOVE_FIELDS: readonly string[] = ['startsAt', 'durationMinutes', 'location', 'videoUrl', 'scope'];

/**
 * Where a refused move shows: field errors (400) under their inputs; anything else (a 409 clash,
 * whose message names the other session, or a session no longer scheduled) as the form's message.
 */
export const moveErrors = (error: unknown): FormErrors => {
  const fields = submissionErrors(error);
  if (!fields) return { _form: errorMessage(error) };
  const other = Object.entries(fields)
    .filter(([field]) => !MOVE_FIELDS.includes(field))
    .map(([field, message]) => `${field} ${message}`);
  return other.length ? { ...fields, _form: other.join('; ') } : fields;
};

export const ATTENDANCE_LABELS: Record<PartnerAttendance, string> = {
  attended: 'Attended',
  late: 'Late',
  absent: 'Absent',
};
