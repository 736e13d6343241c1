// Agreements a couple keeps (therapist side) and the partner's weekly review, shared by the API,
// the dashboard and the partner's page.
import type { AgreementReviewAnswer, IsoWeekday } from '@trellis/domain';

export const AGREEMENT_STATUSES = ['active', 'retired'] as const;
export type AgreementStatus = (typeof AGREEMENT_STATUSES)[number];
export const AGREEMENT_SOURCES = ['session', 'exercise_answer'] as const;
export type AgreementSource = (typeof AGREEMENT_SOURCES)[number];

/** One partner's account of one week, as the therapist sees it (the note is counselor-only). */
export interface AgreementWeekAnswer {
  clientId: string;
  answer: AgreementReviewAnswer | null;
  note: string | null;
}

/** One cell column of the therapist's grid: one week of one agreement. */
export interface AgreementWeekView {
  weekOf: string;
  partners: AgreementWeekAnswer[];
  /** Both answered, differently. */
  accountsDiffer: boolean;
}

export interface AgreementVersionView {
  version: number;
  text: string;
  editedByName: string;
  createdAt: string;
}

/** Whether one partner confirmed the current version. */
export interface AgreementConfirmationView {
  clientId: string;
  confirmedAt: string | null;
}

export interface AgreementView {
  id: string;
  coupleId: string;
  status: AgreementStatus;
  source: AgreementSource;
  /** exercise_answer: where it came from. */
  sourceAssignmentId: string | null;
  sourcePromptId: string | null;
  sourceClientId: string | null;
  version: number;
  text: string;
  versions: AgreementVersionView[];
  confirmations: AgreementConfirmationView[];
  /** The most recent weeks first. */
  weeks: AgreementWeekView[];
  createdAt: string;
  retiredAt: string | null;
}

/** Body of `POST /couples/:id/agreements`: from text (agreed in session) or from an exercise answer. */
export interface AgreementInput {
  text?: string;
  assignmentId?: string;
  promptId?: string;
  clientId?: string;
}

/** A boundaries-exercise answer the therapist may turn into an agreement. */
export interface AgreementCandidate {
  assignmentId: string;
  promptId: string;
  promptLabel: string;
  clientId: string;
  partnerName: string;
  text: string;
  submittedAt: string;
}

/** The couple's review rhythm: weekly at a local time in the clinic's time zone, or off (null weekday). */
export interface AgreementRhythmView {
  weekday: IsoWeekday | null;
  localTime: string | null;
  timezone: string;
  /** Per partner, the next review planned now; empty when off or the couple is not active. */
  upcoming: { clientId: string; sendAt: string }[];
}

/** One agreement on the partner's review page. */
export interface AgreementReviewItem {
  agreementId: string;
  versionId: string;
  version: number;
  text: string;
  /** The partner confirmed this version already; otherwise the page asks. */
  confirmed: boolean;
}

/**
 * What a review link shows (`POST /agreement-reviews/link`): nothing of the other partner. The same
 * page answers a "please confirm" link (sent when an agreement is added or reworded): `weekOf` null,
 * nothing to review, only agreements to confirm.
 */
export interface AgreementReviewForm {
  partnerFirstName: string;
  clinicName: string;
  /** The week under review; null for a link that only asks to confirm. */
  weekOf: string | null;
  agreements: AgreementReviewItem[];
}

/** Body of `POST /agreement-reviews/submit`. */
export interface AgreementReviewSubmission {
  token: string;
  confirmVersionIds: string[];
  reviews: { agreementId: string; answer: AgreementReviewAnswer; note?: string }[];
}

/**
 * After submitting: per agreement, the weeks in a row both partners said kept, and nothing else
 * (none after only confirming).
 */
export interface AgreementReviewResult {
  submittedAt: string;
  streaks: { agreementId: string; text: string; keptWeeksInARow: number }[];
}
