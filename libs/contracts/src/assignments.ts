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
