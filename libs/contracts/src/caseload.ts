import type {
  AgreementReviewAnswer,
  AnswerMap,
  ExercisePhase,
  MeasureKind,
  OffTrackReason,
  PartnerRole,
  Prompt,
  SafetyConcern,
  ScoreBand,
} from '@trellis/domain';
import type { AgreementSource, AgreementStatus } from './agreements';
import type { SessionView } from './sessions';

export const COUPLE_STATUSES = ['active', 'paused', 'discharged'] as const;
export type CoupleStatus = (typeof COUPLE_STATUSES)[number];

export const NOTE_FORMATS = ['soap', 'dap', 'free'] as const;
export type NoteFormat = (typeof NOTE_FORMATS)[number];

/**
 * The sections each note format has, in clinical order (SOAP: Subjective, Objective, Assessment,
 * Plan; DAP: Data, Assessment, Plan). Every screen and the printable record show them in this order.
 */
export const NOTE_SECTIONS: Record<NoteFormat, readonly string[]> = {
  soap: ['subjective', 'objective', 'assessment', 'plan'],
  dap: ['data', 'assessment', 'plan'],
  free: ['body'],
};

/** The formats' names as headings show them. */
export const NOTE_FORMAT_NAMES: Record<NoteFormat, string> = {
  soap: 'SOAP',
  dap: 'DAP',
  free: 'Free text',
};

/** Each section's heading (the stored key is never shown). */
export const NOTE_SECTION_HEADINGS: Record<string, string> = {
  subjective: 'Subjective',
  objective: 'Objective',
  data: 'Data',
  assessment: 'Assessment',
  plan: 'Plan',
  body: 'Note',
};

export const noteSectionHeading = (section: string): string =>
  NOTE_SECTION_HEADINGS[section] ?? section.charAt(0).toUpperCase() + section.slice(1);

export const isNoteFormat = (format: string): format is NoteFormat =>
  (NOTE_FORMATS as readonly string[]).includes(format);

/**
 * A note's sections in its format's clinical order, with their headings, whatever order they were
 * stored in. A section the format does not list (none should exist) comes last rather than being
 * lost from a clinical record.
 */
export function noteSectionsInOrder(
  format: string,
  sections: Readonly<Record<string, string>>,
): { section: string; heading: string; text: string }[] {
  const order = isNoteFormat(format) ? NOTE_SECTIONS[format] : [];
  const keys = [...order, ...Object.keys(sections).filter((key) => !order.includes(key))];
  return keys
    .filter((key) => Object.prototype.hasOwnProperty.call(sections, key))
    .map((key) => ({ section: key, heading: noteSectionHeading(key), text: sections[key] }));
}

export interface PartnerView {
  id: string;
  position: 1 | 2;
  name: string;
  email: string;
  timezone: string;
  emailConsent: boolean;
  /** Where this partner stands in the breach; therapist-only, never in anything sent to a partner. */
  role: PartnerRole;
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
  /** The phase of recovery the therapist says the couple is in; null until set. */
  phase: ExercisePhase | null;
  /**
   * An open safety concern (therapist-only): a pause not yet lifted, or a partner's latest private
   * check-in with a concerning answer (`openSafetyConcern`); null when none. Never says who or what.
   */
  safetyConcern: SafetyConcern | null;
  partners: PartnerView[];
}

/** A caseload row: the couple plus homework counts computed in SQL. */
export interface CaseloadRow extends Omit<CoupleView, 'partners'> {
  partnerNames: [string, string];
  /** Each partner's role, by position (therapist-only, like the couple's own record). */
  partnerRoles: [PartnerRole, PartnerRole];
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
  /** The session the note is for; null for a note about the couple. */
  sessionId: string | null;
  sections: Record<string, string>;
  signedAt: string | null;
  createdAt: string;
  updatedAt: string;
  /** Corrections to a signed note, oldest first, each with its own author and time. */
  addenda: { id: string; authorId: string; authorName: string; body: string; signedAt: string }[];
}

/** The therapist's home: what needs attention, and how homework is going. */
export interface TherapistHome {
  /** Couples in scope, any status: 0 tells a first day from a quiet one (no caseload read needed). */
  coupleCount: number;
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
  /** Held sessions of your couples whose note is not signed yet (none, or a draft), oldest first. */
  notesToFinish: { sessionId: string; coupleId: string; coupleName: string; startsAt: string; noteId: string | null }[];
  /** Couples whose joint work is paused by a partner's safety concern, until the therapist lifts it. */
  safetyAlerts: { coupleId: string; coupleName: string; raisedAt: string }[];
  /** Homework due in each of the last 8 weeks (Monday starts), and how much of it both partners completed. */
  completionByWeek: { weekStart: string; due: number; completed: number }[];
  completionByStrategy: { strategy: string; assigned: number; completed: number }[];
  /** Active couples whose check-ins say they are off track (offTrackReasons), the first 20 by name. */
  offTrack: OffTrackCouple[];
  /** How many couples in scope are off track, however many the list shows. */
  offTrackCount: number;
  /**
   * "Check in with Jordan": partners of active couples who missed the clinic's number of homeworks
   * in a row (partnerEngagement, engagementTaskAfterMisses), most missed first, the first 20.
   */
  checkIns: EngagementCheckIn[];
  /** How many partners in scope need a check-in, however many the list shows. */
  checkInCount: number;
}

/** A partner the therapist should check in with: counts and times only, nothing they wrote. */
export interface EngagementCheckIn {
  coupleId: string;
  coupleName: string;
  clientId: string;
  /** Their first name, as the task says it. */
  partnerName: string;
  missedInARow: number;
  /** Their latest touch of a homework link; null if never. */
  lastActiveAt: string | null;
}

/** An off-track couple and why, in the order offTrackReasons gives. */
export interface OffTrackCouple {
  coupleId: string;
  coupleName: string;
  /** Partner 1's and partner 2's names: the reasons name partners by number. */
  partnerNames: string[];
  reasons: OffTrackReason[];
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
    review: { reviewedAt: string; comments: { author: string; body: string; createdAt: string }[] } | null;
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
  /** Each measure either partner answered: every check-in with its answers as given and its score. */
  measures: CoupleExportMeasure[];
  /** Every session, earliest first, with its outcome and each partner's attendance. */
  sessions: SessionView[];
  /** Every agreement, retired ones too, oldest first: its wordings, confirmations and weekly reviews. */
  agreements: CoupleExportAgreement[];
}

/**
 * One agreement in a couple's export, for the clinic's files: every wording with each partner's
 * confirmation of it, and every week it was reviewed with each partner's answer and the note they
 * wrote for the counselor only.
 */
export interface CoupleExportAgreement {
  id: string;
  status: AgreementStatus;
  source: AgreementSource;
  createdAt: string;
  retiredAt: string | null;
  /** Oldest first; the last is the current wording. */
  versions: {
    version: number;
    text: string;
    editedBy: string;
    createdAt: string;
    /** The partners who confirmed this wording, and when. */
    confirmations: { partner: 1 | 2; confirmedAt: string }[];
  }[];
  /** Oldest first: each week a review went out while the agreement was active, or it was answered. */
  weeks: {
    weekOf: string;
    /** Both partners, in order; answer null: not answered that week. */
    partners: {
      partner: 1 | 2;
      answer: AgreementReviewAnswer | null;
      /** For the counselor only. */
      note: string | null;
      /** The wording the partner was answering about. */
      version: number | null;
    }[];
    accountsDiffer: boolean;
  }[];
}

/** One measure in a couple's export, its check-ins oldest first. */
export interface CoupleExportMeasure {
  measureId: string;
  title: string;
  kind: MeasureKind;
  /** The current version's items, for labelling the answers (older versions' items are named by id). */
  items: { id: string; label: string }[];
  responses: {
    partner: 1 | 2;
    occurrence: string;
    submittedAt: string;
    /** The version it was scored with. */
    measureVersion: number;
    /** Null when too many items were skipped to score. */
    score: number | null;
    band: ScoreBand | null;
    prorated: boolean;
    answers: Record<string, number | null>;
    itemScores: Record<string, number>;
  }[];
}
