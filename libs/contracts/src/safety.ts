import type { Prompt, SafetyScreenQuestion } from '@trellis/domain';

/** Issue 18: a partner's "I don't feel safe", the couple's safety pause, and the therapist's side of it. */

/** What the partner who flagged is told: no more (the other partner is told nothing at all). */
export interface NotSafeReceipt {
  reportedAt: string;
}

export interface SafetyFlagView {
  id: string;
  /** The partner who raised it (first name and surname as the clinic recorded them). */
  partnerName: string;
  /** partner_flag: "I don't feel safe doing this exercise"; check_in: a concerning check-in answer. */
  source: 'partner_flag' | 'check_in';
  assignmentId: string;
  homeworkTitle: string;
  at: string;
}

export interface SafetyPauseView {
  id: string;
  raisedAt: string;
  flags: SafetyFlagView[];
}

export interface LiftedSafetyPauseView {
  id: string;
  raisedAt: string;
  liftedAt: string;
  liftedByName: string;
  note: string;
}

/** `GET /couples/{id}/safety`: the open pause (if any) and the last ones lifted, newest first. */
export interface CoupleSafety {
  openPause: SafetyPauseView | null;
  lifted: LiftedSafetyPauseView[];
}

export interface LiftSafetyPauseRequest {
  /** What the therapist did (talked to each partner alone, safety plan, referral…): kept in the record. */
  note: string;
}

/**
 * `GET|PUT /clinic/safety-screen`: the clinic's own safety screen, sent instead of the built-in
 * check-in when the clinic settings choose it (`safetyCheckInScreen: 'clinic'`).
 */
export interface SafetyScreenView {
  id: string;
  title: string;
  /** Shown above the questions on each partner's page. */
  instructions: string;
  questions: SafetyScreenQuestion[];
  /** The optional last question, answered in the partner's own words; null for none. */
  freeTextQuestion: string | null;
  /** Goes up whenever the questions change; each check-in keeps the version it was sent with, and is judged by it. */
  version: number;
  /** The check-ins send this screen now (the clinic settings chose it). */
  inUse: boolean;
  /** The check-in as partners get it (every prompt counselor-only), its concerning options marked: the preview. */
  prompts: Prompt[];
  updatedAt: string;
}

/** The screen as an admin writes it: every prompt becomes counselor-only, whatever is sent. */
export interface SafetyScreenRequest {
  title: string;
  instructions: string;
  /** 1–10 single-choice questions, 2–12 options each; at least one option concerning, and one calm option per question. */
  questions: SafetyScreenQuestion[];
  freeTextQuestion: string | null;
}
