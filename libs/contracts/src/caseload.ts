import type { AnswerMap, Prompt } from '@trellis/domain';

export const COUPLE_STATUSES = ['active', 'paused', 'discharged'] as const;
export type CoupleStatus = (typeof COUPLE_STATUSES)[number];

export const NOTE_FORMATS = ['soap', 'dap', 'free'] as const;
export type NoteFormat = (typeof NOTE_FORMATS)[number];

/** The sections each note format has, in display order. */
export const NOTE_SECTIONS: Record<NoteFormat, readonly string[]> = {
  soap: ['subjective', 'objective', 'assessment', 'plan'],
  dap: ['data', 'assessment', 'plan'],
  free: ['body'],
};

export interface PartnerView {
  id: string;
  position: 1 | 2;
  name: string;
  email: string;
  timezone: string;
  emailConsent: boolean;
}

export interface CoupleView {
  id: string;
  displayName: string;
  therapistId: string;
  therapistName: string;
  status: CoupleStatus;
  nextSessionAt: string | null;
  lastActivityAt: string;
  createdAt: string;
  partners: PartnerView[];
}

/** A caseload row: the couple plus homework counts computed in SQL. */
export interface CaseloadRow extends Omit<CoupleView, 'partners'> {
  partnerNames: [string, string];
  openCount: number;
  overdueCount: number;
  awaitingReviewCount: number;
}

export interface SessionNoteView {
  id: string;
  coupleId: string;
  authorId: string;
  authorName: string;
  format: NoteFormat;
  sessionDate: string;
  sections: Record<string, string>;
  signedAt: string | null;
  createdAt: string;
  updatedAt: string;
  /** Corrections to a signed note, oldest first, each with its own author and time. */
  addenda: { id: string; authorId: string; authorName: string; body: string; signedAt: string }[];
}

/** The therapist's home: what needs attention, and how homework is going. */
export interface TherapistHome {
  awaitingReview: { assignmentId: string; coupleId: string; coupleName: string; title: string; completedAt: string }[];
  overdue: {
    assignmentId: string;
    coupleId: string;
    coupleName: string;
    title: string;
    dueAt: string;
    waitingFor: string[];
  }[];
  upcomingSessions: { coupleId: string; coupleName: string; nextSessionAt: string }[];
  /** Homework due in each of the last 8 weeks (Monday starts), and how much of it both partners completed. */
  completionByWeek: { weekStart: string; due: number; completed: number }[];
  completionByStrategy: { strategy: string; assigned: number; completed: number }[];
}

export type TimelineEventKind = 'assigned' | 'submitted' | 'reviewed' | 'cancelled' | 'note_signed' | 'note_draft';

export interface TimelineEvent {
  at: string;
  kind: TimelineEventKind;
  /** The assignment or note the event belongs to. */
  recordId: string;
  title: string;
  /** Who acted, when it was one partner or a staff member. */
  actor: string | null;
}

/** A couple's whole record as `GET /couples/{id}/export` answers it (the JSON download). */
export interface CoupleExport {
  exportedAt: string;
  couple: CoupleView;
  assignments: {
    id: string;
    title: string;
    strategy: string;
    assignedAt: string;
    dueAt: string;
    cancelledAt: string | null;
    message: string;
    prompts: Prompt[];
    answers: { partner: 1 | 2; submittedAt: string | null; answers: AnswerMap | null }[];
    review: { reviewedAt: string; comment: string | null } | null;
  }[];
  notes: {
    id: string;
    format: string;
    sessionDate: string;
    signedAt: string;
    author: string;
    sections: Record<string, string>;
    addenda: { author: string; signedAt: string; body: string }[];
  }[];
}
