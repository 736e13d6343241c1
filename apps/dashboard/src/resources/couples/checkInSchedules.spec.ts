import { describe, expect, it } from '@jest/globals';
import type { CheckInScheduleView } from '@trellis/contracts';
import { describeSchedule, draftOf, emptyDraft, scheduleBody } from './checkInSchedules';

const view = (overrides: Partial<CheckInScheduleView>): CheckInScheduleView => ({
  id: 's1',
  coupleId: 'c1',
  measureId: 'm1',
  measureTitle: 'Weekly check-in',
  kind: 'weekly',
  hours: null,
  weekday: 7,
  localTime: '18:00',
  onceAt: null,
  shareWithPartner: false,
  createdAt: '2026-12-01T10:00:00Z',
  updatedAt: '2026-12-01T10:00:00Z',
  upcoming: [],
  ...overrides,
});

describe('check-in schedule form', () => {
  it("sends only the chosen kind's fields", () => {
    expect(scheduleBody({ ...emptyDraft('m1'), kind: 'before_session', hours: '6' })).toEqual({
      kind: 'before_session',
      hours: 6,
      shareWithPartner: false,
    });
    expect(scheduleBody(emptyDraft('m1'))).toEqual({
      kind: 'weekly',
      weekday: 7,
      localTime: '18:00',
      shareWithPartner: false,
    });
  });

  it('sends an unreadable date as typed, so the API names the field', () => {
    expect(scheduleBody({ ...emptyDraft('m1'), kind: 'once', onceAt: '' })).toMatchObject({ onceAt: '' });
  });

  it('starts editing from the stored schedule', () => {
    expect(draftOf(view({ kind: 'after_session', hours: 2, weekday: null, localTime: null }))).toMatchObject({
      kind: 'after_session',
      hours: '2',
    });
  });

  it('describes each kind in words', () => {
    const at = (iso: string) => iso.slice(0, 10);
    expect(describeSchedule(view({}), at)).toBe("Every Sunday at 18:00 (each partner's own time)");
    expect(describeSchedule(view({ kind: 'before_session', hours: 24 }), at)).toBe('24 hours before every session');
    expect(describeSchedule(view({ kind: 'after_session', hours: 1 }), at)).toBe('1 hour after every session starts');
    expect(describeSchedule(view({ kind: 'once', onceAt: '2026-12-24T09:00:00Z' }), at)).toBe('Once, on 2026-12-24');
  });
});
