import { describe, expect, it } from '@jest/globals';
import type { SessionView } from '@trellis/contracts';
import { bookingBody, emptyBooking, moveBody, moveErrors, moveFormFor } from './sessionPayload';

describe('the booking form', () => {
  it('books a one-off with blanks left out', () => {
    const body = bookingBody({ ...emptyBooking(), startsAt: '2026-12-08T10:00' });
    expect(body).toEqual({ startsAt: new Date('2026-12-08T10:00').toISOString(), durationMinutes: 50 });
  });

  it('books a series with its frequency and count', () => {
    const body = bookingBody({
      ...emptyBooking(),
      startsAt: '2026-12-08T10:00',
      location: ' Room 2 ',
      videoUrl: 'https://meet.example.test/x',
      repeat: 'fortnightly',
      occurrences: '4',
    });
    expect(body).toMatchObject({
      location: 'Room 2',
      videoUrl: 'https://meet.example.test/x',
      frequency: 'fortnightly',
      occurrences: 4,
    });
  });

  it('sends an unreadable date as typed, for the API to name the field', () => {
    expect(bookingBody({ ...emptyBooking(), startsAt: 'soon' }).startsAt).toBe('soon');
  });
});

const session = (overrides: Partial<SessionView> = {}): SessionView => ({
  id: 's1',
  coupleId: 'c1',
  coupleName: 'Alex & Sam',
  therapistId: 't1',
  therapistName: 'Dana Reyes',
  seriesId: 'series-1',
  frequency: 'weekly',
  startsAt: new Date('2026-12-08T10:00').toISOString(),
  endsAt: new Date('2026-12-08T10:50').toISOString(),
  durationMinutes: 50,
  location: 'Room 2',
  videoUrl: null,
  status: 'scheduled',
  cancelReason: null,
  attendance: [],
  note: null,
  ...overrides,
});

describe('the move form', () => {
  it('starts from the session as it is, in the browser’s zone, for this session only', () => {
    expect(moveFormFor(session())).toEqual({
      startsAt: '2026-12-08T10:00',
      durationMinutes: '50',
      location: 'Room 2',
      videoUrl: '',
      scope: 'this',
    });
  });

  it('sends nothing when nothing changed', () => {
    expect(moveBody(moveFormFor(session()), session())).toBeNull();
    expect(moveBody({ ...moveFormFor(session()), location: ' Room 2 ', scope: 'following' }, session())).toBeNull();
  });

  it('sends only the fields that changed, the start as an instant', () => {
    const form = { ...moveFormFor(session()), startsAt: '2026-12-09T16:30', durationMinutes: '80' };
    expect(moveBody(form, session())).toEqual({
      startsAt: new Date('2026-12-09T16:30').toISOString(),
      durationMinutes: 80,
    });
  });

  it('clears an emptied place and sets a new link, trimmed', () => {
    const form = { ...moveFormFor(session()), location: '  ', videoUrl: ' https://meet.example.test/x ' };
    expect(moveBody(form, session())).toEqual({ location: null, videoUrl: 'https://meet.example.test/x' });
  });

  it('moves the rest of the series only when asked, and only for a series', () => {
    const form = { ...moveFormFor(session()), startsAt: '2026-12-08T11:00' };
    expect(moveBody(form, session())).not.toHaveProperty('scope');
    expect(moveBody({ ...form, scope: 'following' }, session())).toMatchObject({ scope: 'following' });
    const oneOff = session({ seriesId: null, frequency: null });
    expect(moveBody({ ...form, scope: 'following' }, oneOff)).not.toHaveProperty('scope');
  });

  it('sends unreadable values as typed, for the API to name the field', () => {
    const form = { ...moveFormFor(session()), startsAt: 'soon', durationMinutes: '' };
    expect(moveBody(form, session())).toEqual({ startsAt: 'soon', durationMinutes: '' });
  });
});

describe('where a refused move shows', () => {
  it('puts field errors under their fields', () => {
    const error = { status: 400, message: 'Invalid', body: { errors: { videoUrl: 'must be an https link' } } };
    expect(moveErrors(error)).toEqual({ videoUrl: 'must be an https link' });
  });

  it('shows a clash as the API words it', () => {
    const message =
      'The therapist already has a session on Tue 8 Dec, 10:00–10:50 (Europe/London): choose another time.';
    expect(moveErrors({ status: 409, message })).toEqual({ _form: message });
  });

  it('names a field the form has no input for', () => {
    expect(moveErrors({ status: 400, message: 'Invalid', body: { errors: { frequency: 'is not allowed' } } })).toEqual({
      frequency: 'is not allowed',
      _form: 'frequency is not allowed',
    });
  });
});
