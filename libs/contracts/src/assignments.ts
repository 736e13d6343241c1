import type { AnswerMap, AssignmentStatus, HomeworkEmailState, Prompt, ResponseStatus } from '@trellis/domain';

export interface PartnerProgress {
  clientId: string;
  position: 1 | 2;
  name: string;
  status: ResponseStatus;
  startedAt: string | null;
  lastSavedAt: string | null;
  submittedAt: string | null;
  linkOpenedAt: string | null;
  /** When the latest homework email to this partner went out (null: not sent, or no consent). */
  emailSentAt: string | null;
  /** What happened to this partner's link email: `sending`, `sent`, `no_consent` (sent once they agree), `failed`, `not_sent`. */
  email: HomeworkEmailState;
}

export interface AssignmentSummary {
  id: string;
  coupleId: string;
  exerciseId: string;
  title: string;
  strategy: string;
  dueAt: string;
  /** Due this many hours before that session: moving the session moves the due date. Null: a fixed date. */
  dueBeforeSession: { sessionId: string; hours: number } | null;
  status: AssignmentStatus;
  overdue: boolean;
  shareAnswersAfterBoth: boolean;
  createdAt: string;
  reviewedAt: string | null;
  /** The repeating series this is an occurrence of (and which one), or null for one-off homework. */
  series: { id: string; occurrence: number } | null;
  partners: PartnerProgress[];
}

/** A comment to the couple left on review: kept, never replaced by a later one. */
export interface ReviewComment {
  id: string;
  authorName: string;
  body: string;
  createdAt: string;
}

/** The review view: the frozen prompts and both partners' submitted answers side by side. */
export interface AssignmentDetail extends AssignmentSummary {
  purpose: string;
  instructions: string;
  message: string;
  prompts: Prompt[];
  /** The therapist's comments to the couple, oldest first; both partners read them on their page. */
  reviewComments: ReviewComment[];
  /** Submitted answers only, per partner position; drafts stay private to the partner. */
  answers: { 1: AnswerMap | null; 2: AnswerMap | null };
}

export const SERIES_RHYTHM_CHOICES = ['weekly', 'fortnightly', 'weekdays'] as const;
export type SeriesRhythmChoice = (typeof SERIES_RHYTHM_CHOICES)[number];

/** Recurring homework for one couple, as its therapist sees it on the couple page. */
export interface AssignmentSeriesView {
  id: string;
  coupleId: string;
  exerciseId: string;
  /** The exercise's current title (each occurrence freezes its own copy when issued). */
  exerciseTitle: string;
  rhythm: SeriesRhythmChoice;
  /** For 'weekdays': 0 = Sunday … 6 = Saturday; empty otherwise. */
  weekdays: number[];
  /** Wall-clock due time in the series' time zone, 'HH:MM'. */
  dueTime: string;
  timeZone: string;
  startsOn: string;
  endsOn: string | null;
  count: number | null;
  message: string;
  shareAnswersAfterBoth: boolean;
  /** active: occurrences keep coming; stopped: by the therapist or the couple's pause/discharge; ended: its end reached. */
  status: 'active' | 'stopped' | 'ended';
  stoppedReason: 'therapist' | 'couple_paused' | 'couple_discharged' | null;
  /** Occurrences issued or passed over so far. */
  occurrencesSoFar: number;
  /** The latest occurrence issued (its assignment), or null. */
  lastAssignmentId: string | null;
  /** When the next occurrence falls due; null when the series or its couple is not active, or it has no more. */
  nextDueAt: string | null;
  createdAt: string;
}
