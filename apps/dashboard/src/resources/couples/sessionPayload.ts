import type { PartnerAttendance, SessionFrequency } from '@trellis/contracts';
import { isoOrNull } from '../../common/dates';

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
export function bookingBody(form: BookingForm): Record<string, unknown> {
  const body: Record<string, unknown> = { startsAt: isoOrNull(form.startsAt) ?? form.startsAt };
  if (form.durationMinutes.trim()) body.durationMinutes = Number(form.durationMinutes);
  if (form.location.trim()) body.location = form.location.trim();
  if (form.videoUrl.trim()) body.videoUrl = form.videoUrl.trim();
  if (form.repeat !== 'none') {
    body.frequency = form.repeat;
    body.occurrences = Number(form.occurrences);
  }
  return body;
}

export const ATTENDANCE_LABELS: Record<PartnerAttendance, string> = {
  attended: 'Attended',
  late: 'Late',
  absent: 'Absent',
};
