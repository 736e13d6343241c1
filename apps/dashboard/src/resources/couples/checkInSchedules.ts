import type { CheckInScheduleChange, CheckInScheduleKind, CheckInScheduleView } from '@trellis/contracts';
import type { IsoWeekday } from '@trellis/domain';

export const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;

export const KIND_LABELS: Record<CheckInScheduleKind, string> = {
  before_session: 'Before every session',
  after_session: 'After every session',
  weekly: 'Every week',
  once: 'Once',
};

/** What the schedule form holds: every kind's fields, as the inputs give them (text). */
export interface ScheduleDraft {
  measureId: string;
  kind: CheckInScheduleKind;
  hours: string;
  weekday: string;
  localTime: string;
  /** A datetime-local value, in the therapist's own time zone. */
  onceAt: string;
  shareWithPartner: boolean;
}

export const emptyDraft = (measureId: string): ScheduleDraft => ({
  measureId,
  kind: 'weekly',
  hours: '24',
  weekday: '7',
  localTime: '18:00',
  onceAt: '',
  shareWithPartner: false,
});

export const draftOf = (schedule: CheckInScheduleView): ScheduleDraft => ({
  measureId: schedule.measureId,
  kind: schedule.kind,
  hours: schedule.hours === null ? '24' : String(schedule.hours),
  weekday: schedule.weekday === null ? '7' : String(schedule.weekday),
  localTime: schedule.localTime ?? '18:00',
  onceAt: schedule.onceAt ? toLocalInput(schedule.onceAt) : '',
  shareWithPartner: schedule.shareWithPartner,
});

const toLocalInput = (iso: string): string => {
  const date = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
};

/**
 * The body for the API: only the fields of the chosen kind (the API refuses the others). Values
 * the inputs cannot turn into numbers or dates are sent as they are, so the API names the field.
 */
export const scheduleBody = (draft: ScheduleDraft): CheckInScheduleChange => {
  const base = { kind: draft.kind, shareWithPartner: draft.shareWithPartner };
  switch (draft.kind) {
    case 'before_session':
    case 'after_session':
      return { ...base, hours: Number(draft.hours) };
    case 'weekly':
      return { ...base, weekday: Number(draft.weekday) as IsoWeekday, localTime: draft.localTime };
    case 'once': {
      const at = new Date(draft.onceAt);
      return { ...base, onceAt: Number.isNaN(at.getTime()) ? draft.onceAt : at.toISOString() };
    }
  }
};

const hoursText = (hours: number | null) => `${hours ?? '?'} hour${hours === 1 ? '' : 's'}`;

/** The schedule in words: "Every Sunday at 18:00 (each partner's time)". */
export const describeSchedule = (schedule: CheckInScheduleView, formatDateTime: (iso: string) => string): string => {
  switch (schedule.kind) {
    case 'before_session':
      return `${hoursText(schedule.hours)} before every session`;
    case 'after_session':
      return `${hoursText(schedule.hours)} after every session starts`;
    case 'weekly':
      return `Every ${WEEKDAYS[(schedule.weekday ?? 1) - 1]} at ${schedule.localTime} (each partner's own time)`;
    case 'once':
      return `Once, on ${schedule.onceAt ? formatDateTime(schedule.onceAt) : '?'}`;
  }
};
