import {
  COUPLE_STATUSES,
  NOTE_FORMATS,
  type CoupleStatus,
  type NoteFormat,
  type TimelineEventKind,
} from '@trellis/contracts';

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

export const NOTE_FORMAT_LABELS: Record<NoteFormat, string> = {
  soap: 'SOAP',
  dap: 'DAP',
  free: 'Free text',
};

export const NOTE_FORMAT_DESCRIPTIONS: Record<NoteFormat, string> = {
  soap: 'Subjective, Objective, Assessment, Plan',
  dap: 'Data, Assessment, Plan',
  free: 'One block of text',
};

export const noteFormatChoices = NOTE_FORMATS.map((id) => ({
  id,
  name: `${NOTE_FORMAT_LABELS[id]} — ${NOTE_FORMAT_DESCRIPTIONS[id]}`,
}));

/** Section headings, with a prompt for what belongs there. */
export const NOTE_SECTION_LABELS: Record<string, { label: string; hint: string }> = {
  subjective: {
    label: 'Subjective',
    hint: 'What each partner reported: concerns, feelings, their account of the week.',
  },
  objective: { label: 'Objective', hint: 'What you observed: affect, interaction, homework completed.' },
  data: { label: 'Data', hint: 'What was said and observed in the session.' },
  assessment: { label: 'Assessment', hint: 'Your clinical reading: progress, risks, patterns.' },
  plan: { label: 'Plan', hint: 'Next steps: homework, focus for the next session, referrals.' },
  body: { label: 'Note', hint: 'The session in your own words.' },
};

export const sectionLabel = (section: string): string =>
  NOTE_SECTION_LABELS[section]?.label ?? section.charAt(0).toUpperCase() + section.slice(1);

/** What happened, per timeline entry kind (the entry's icon repeats it). */
export const TIMELINE_KIND_LABELS: Record<TimelineEventKind, string> = {
  assigned: 'Homework assigned',
  submitted: 'Answers submitted',
  reviewed: 'Homework reviewed',
  cancelled: 'Homework cancelled',
  note_signed: 'Session note signed',
  note_draft: 'Session note draft',
};
