import { describe, expect, it } from '@jest/globals';
import type { SessionView } from '@trellis/contracts';
import { agendaDays, calendarPath, dropTime, placeSessions, visibleHours, weekDays, weekStart } from './calendarLayout';

const session = (id: string, start: Date, minutes = 50): SessionView => ({
  id,
  coupleId: `c-${id}`,
  coupleName: `Couple ${id}`,
  therapistId: 't',
  therapistName: 'Dana',
  seriesId: null,
  frequency: null,
  startsAt: start.toISOString(),
  endsAt: new Date(start.getTime() + minutes * 60_000).toISOString(),
  durationMinutes: minutes,
  location: null,
  videoUrl: null,
  status: 'scheduled',
  cancelReason: null,
  attendance: [],
  note: null,
});

describe('the calendar week', () => {
  it('starts on Monday, whatever the day', () => {
    expect(weekStart(new Date(2026, 11, 6, 15)).getDate()).toBe(30); // Sun 6 Dec 2026 → Mon 30 Nov
    expect(weekStart(new Date(2026, 11, 7, 0, 0)).getDate()).toBe(7);
    expect(weekDays(new Date(2026, 11, 7)).map((d) => d.getDate())).toEqual([7, 8, 9, 10, 11, 12, 13]);
  });

  it('places sessions in their day column, minutes from the first hour', () => {
    const monday = new Date(2026, 11, 7);
    const placed = placeSessions(
      [session('a', new Date(2026, 11, 9, 10, 30)), session('b', new Date(2026, 11, 14, 9))],
      monday,
      8,
    );
    expect(placed).toEqual([expect.objectContaining({ day: 2, top: 150, height: 50 })]);
  });

  it('widens the hours to every session and snaps drops to the quarter hour', () => {
    expect(
      visibleHours([session('a', new Date(2026, 11, 9, 7, 15), 60), session('b', new Date(2026, 11, 9, 20, 30))]),
    ).toEqual({
      first: 7,
      last: 22,
    });
    expect(dropTime(new Date(2026, 11, 9), 8, 127)).toEqual(new Date(2026, 11, 9, 10, 0));
    expect(dropTime(new Date(2026, 11, 9), 8, 133)).toEqual(new Date(2026, 11, 9, 10, 15));
  });

  it('groups the agenda by day, earliest first', () => {
    const days = agendaDays([
      session('late', new Date(2026, 11, 9, 16)),
      session('next', new Date(2026, 11, 10, 9)),
      session('early', new Date(2026, 11, 9, 9)),
    ]);
    expect(days.map((d) => d.sessions.map((s) => s.id))).toEqual([['early', 'late'], ['next']]);
  });

  it('asks the API for the weeks shown, and one therapist when chosen', () => {
    const path = calendarPath(new Date(2026, 11, 7), 1, 'abc');
    const query = new URLSearchParams(path.split('?')[1]);
    expect(
      new Date(query.get('to') as string).getTime() - new Date(query.get('from') as string).getTime(),
    ).toBeGreaterThanOrEqual(6.9 * 86_400_000);
    expect(query.get('therapistId')).toBe('abc');
  });
});
