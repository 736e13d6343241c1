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
