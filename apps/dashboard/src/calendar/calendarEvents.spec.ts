import { describe, expect, it } from '@jest/globals';
import type { SessionView } from '@trellis/contracts';
import {
  calendarQuery,
  rescheduleBody,
  sessionEvent,
  therapistChoices,
  THERAPISTS_QUERY,
  visibleHours,
} from './calendarEvents';

const session = (id: string, start: Date, minutes = 50, extra: Partial<SessionView> = {}): SessionView => ({
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
  ...extra,
});

describe('the calendar’s events', () => {
  it('makes a scheduled session a movable event, and any other a fixed one', () => {
    const scheduled = sessionEvent(session('a', new Date(2026, 11, 9, 10)), false);
    expect(scheduled).toMatchObject({
      id: 'a',
      title: 'Couple a',
      editable: true,
      className: 'trellis-session-scheduled',
    });
    expect(scheduled.end).toBe(new Date(2026, 11, 9, 10, 50).toISOString());
    const held = sessionEvent(session('b', new Date(2026, 11, 9, 12), 50, { status: 'held' }), true);
    expect(held).toMatchObject({
      title: 'Couple b · Dana (Held)',
      editable: false,
      className: 'trellis-session-held',
    });
  });

  it('says where the session is in the agenda only', () => {
    const room = session('c', new Date(2026, 11, 9, 10), 50, {
      location: 'Room 2',
      videoUrl: 'https://meet.example/x',
    });
    expect(sessionEvent(room, false).title).toBe('Couple c');
    expect(sessionEvent(room, false, true).title).toBe('Couple c · Room 2, video');
    expect(sessionEvent(session('d', new Date(2026, 11, 9, 12)), false, true).title).toBe('Couple d');
  });

  it('shows 08–20, widened to every session in view', () => {
    expect(visibleHours([])).toEqual({ slotMinTime: '08:00:00', slotMaxTime: '20:00:00' });
    expect(
      visibleHours([session('a', new Date(2026, 11, 9, 7, 15), 60), session('b', new Date(2026, 11, 9, 20, 30))]),
    ).toEqual({ slotMinTime: '07:00:00', slotMaxTime: '22:00:00' });
    expect(visibleHours([session('late', new Date(2026, 11, 9, 23, 30), 60)]).slotMaxTime).toBe('24:00:00');
  });
});

describe('what the calendar asks the API', () => {
  it('asks for the range shown, and one therapist when chosen', () => {
    const start = new Date(2026, 11, 7);
    const end = new Date(2026, 11, 14);
    const query = calendarQuery({ start, end }, 'abc');
    expect(query.get('from')).toBe(start.toISOString());
    expect(query.get('to')).toBe(end.toISOString());
    expect(query.get('therapistId')).toBe('abc');
    expect(calendarQuery({ start, end }).has('therapistId')).toBe(false);
  });

  it('offers every active therapist, even one without sessions in view, and anyone else with sessions', () => {
    expect(THERAPISTS_QUERY.get('role')).toBe('therapist');
    expect(THERAPISTS_QUERY.get('status')).toBe('active');
    const staff = [
      { id: 't2', name: 'Robin' },
      { id: 't1', name: 'Ari' },
    ];
    const leftover = session('x', new Date(2026, 11, 9, 9), 50, { therapistId: 'gone', therapistName: 'Casey' });
    expect(
      therapistChoices(staff, [leftover, session('y', new Date(2026, 11, 9, 11), 50, { therapistId: 't2' })]),
    ).toEqual([
      { id: 't1', name: 'Ari' },
      { id: 'gone', name: 'Casey' },
      { id: 't2', name: 'Robin' },
    ]);
  });

  it('sends only what changed, and the scope only for a series', () => {
    const s = session('a', new Date(2026, 11, 9, 10));
    const moved = new Date(2026, 11, 9, 12);
    expect(rescheduleBody(s, moved, new Date(moved.getTime() + 50 * 60_000), 'following')).toEqual({
      startsAt: moved.toISOString(),
    });
    expect(rescheduleBody(s, new Date(s.startsAt), new Date(2026, 11, 9, 11, 15))).toEqual({ durationMinutes: 75 });
    const ofSeries = { ...s, seriesId: 'series', frequency: 'weekly' as const };
    expect(rescheduleBody(ofSeries, moved, new Date(moved.getTime() + 50 * 60_000), 'following')).toEqual({
      startsAt: moved.toISOString(),
      scope: 'following',
    });
    expect(rescheduleBody(ofSeries, moved, new Date(moved.getTime() + 50 * 60_000), 'this')).toEqual({
      startsAt: moved.toISOString(),
    });
  });
});
