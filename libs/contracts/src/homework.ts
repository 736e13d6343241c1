import type { AnswerMap, Prompt } from '@trellis/domain';

/** What an emailed link shows before the partner acts: enough to say "is this you?", nothing more. */
export interface HomeworkGreeting {
  partnerFirstName: string;
  clinicName: string;
}

export type HomeworkStatus = 'not_started' | 'draft' | 'submitted';

export interface HomeworkView {
  /** Opaque id of this response; sent back as `x-homework-response` on saves (shared-phone guard). */
  responseId: string;
  partnerFirstName: string;
  clinicName: string;
  therapistName: string;
  title: string;
  purpose: string;
  instructions: string;
  message: string;
  dueAt: string;
  /** Formatted in the partner's own time zone. */
  dueLabel: string;
  estimatedMinutes: number | null;
  prompts: Prompt[];
  answers: AnswerMap;
  status: HomeworkStatus;
  lastSavedAt: string | null;
  submittedAt: string | null;
  /**
   * The therapist's sharing setting for this homework: with it, the partner reads the answers to
   * `shared` prompts once both have submitted (the page says so under each prompt).
   */
  sharesAnswersAfterBoth: boolean;
  /**
   * Only after both partners submitted, only if the therapist allowed sharing, and only the
   * answers to `shared` prompts: a counselor-only answer never reaches the other partner.
   */
  partnerAnswers: AnswerMap | null;
  partnerName: string | null;
  /** What the therapist wrote to the couple on review, oldest first (empty until then). */
  therapistComments: { authorName: string; body: string; createdAt: string }[];
  /**
   * When this partner (only ever the one asking) said they do not feel safe doing this exercise;
   * null otherwise. Never anything about the other partner.
   */
  notSafeReportedAt: string | null;
  /**
   * When this homework is a step of the couple's program: which step of how many, and the title of
   * the next one. Titles only (the path is the couple's): nothing about the other partner.
   */
  path?: { step: number; total: number; nextTitle: string | null } | null;
}

/** Header every state-changing homework request carries; cross-site forms cannot set it. */
export const HOMEWORK_CSRF_HEADER = 'x-homework-csrf';

/** Header naming the response a page is editing; a mismatch with the session is a 409. */
export const HOMEWORK_RESPONSE_HEADER = 'x-homework-response';

export const INACTIVE_LINK_MESSAGE = 'This link is no longer active — ask your therapist for a new one.';
