import { COUPLE_STATUSES, type CoupleStatus, type TimelineEventKind } from '@trellis/contracts';

export const COUPLE_STATUS_LABELS: Record<CoupleStatus, string> = {
  active: 'Active',
  paused: 'Paused',
  discharged: 'Discharged',
};

/** The caseload's status filter; leaving it empty is the API's default, active and paused. */
export const caseloadStatusChoices = [
  ...COUPLE_STATUSES.map((id) => ({ id, name: COUPLE_STATUS_LABELS[id] })),
  { id: 'all', name: 'All, including discharged' },
];
export const CASELOAD_DEFAULT_STATUS_LABEL = 'Active and paused';

/** What each status change does, for its button and its confirmation. */
export const STATUS_ACTIONS: Record<
  CoupleStatus,
  { label: string; title: (name: string) => string; content: string; done: (name: string) => string }
> = {
  paused: {
    label: 'Pause',
    title: (name) => `Pause ${name}?`,
    content:
      'Use this for a break in counseling. The couple stays in your caseload, marked as paused, and you cannot assign new homework until you reactivate them.',
    done: (name) => `${name} is paused.`,
  },
  discharged: {
    label: 'Discharge',
    title: (name) => `Discharge ${name}?`,
    content:
      'Counseling has ended. The couple leaves your caseload (find them again with the status filter); their homework and notes are kept. You can reactivate them later.',
    done: (name) => `${name} is discharged and has left your caseload.`,
  },
  active: {
    label: 'Reactivate',
    title: (name) => `Reactivate ${name}?`,
    content: 'The couple returns to your active caseload and can be given homework again.',
    done: (name) => `${name} is active again.`,
  },
};

/** Which status changes make sense from where a couple is now. */
export const nextStatuses = (status: CoupleStatus): CoupleStatus[] =>
  status === 'active' ? ['paused', 'discharged'] : status === 'paused' ? ['active', 'discharged'] : ['active'];

/** What happened, per timeline entry kind (the entry's icon repeats it). */
export const TIMELINE_KIND_LABELS: Record<TimelineEventKind, string> = {
  assigned: 'Homework assigned',
  submitted: 'Answers submitted',
  reviewed: 'Homework reviewed',
  cancelled: 'Homework cancelled',
  note_signed: 'Session note signed',
  note_draft: 'Session note draft',
};
