export type DigestKind = 'weekly' | 'pre_session';

export interface DigestCoupleLine {
  coupleId: string;
  coupleName: string;
  completed: number;
  overdue: number;
  awaitingReview: number;
  /**
   * Each partner's homework in a phrase, partner 1 first: "Jordan missed 3 of the last 4; Priya
   * did all" (partnerEngagement; counts only). Absent in digests made before it existed.
   */
  engagement?: string;
  /** First names of the partners the therapist should check in with (the clinic's engagementTaskAfterMisses). */
  checkInWith?: string[];
  /** Scale answers at either end of their range in the period: worth a look before the session. */
  notableScales: { partner: string; exercise: string; prompt: string; value: number; max: number }[];
}

export interface PreSessionSubmission {
  assignmentId: string;
  title: string;
  /** Prompt label → each partner's answer as text, side by side. */
  rows: { prompt: string; partnerA: string; partnerB: string }[];
}

export interface DigestContent {
  therapistName: string;
  clinicName: string;
  periodLabel: string;
  couples: DigestCoupleLine[];
  /** Pre-session digests: both partners' submissions since the last session. */
  submissions?: PreSessionSubmission[];
  partnerNames?: [string, string];
  sessionAt?: string;
  /** Weekly digests: the therapist's couples off track when it was made (offTrackReasons; no reasons, no scores). */
  offTrack?: { coupleId: string; coupleName: string }[];
}

export interface DigestView {
  id: string;
  kind: DigestKind;
  coupleId: string | null;
  periodStart: string;
  periodEnd: string;
  createdAt: string;
  content: DigestContent;
}

/** The signed-in person's own digest choices (`GET`/`PUT /digests/preferences`). */
export interface DigestPreferences {
  /** The Monday digest, emailed and kept in the list (therapists). */
  weekly: boolean;
}
