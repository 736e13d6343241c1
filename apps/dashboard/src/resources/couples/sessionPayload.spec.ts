import { describe, expect, it } from '@jest/globals';
import { bookingBody, emptyBooking } from './sessionPayload';

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
