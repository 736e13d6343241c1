/** One partner's engagement with homework (partnerEngagement in libs/domain): counts and times, nothing they wrote. */
export interface PartnerEngagementView {
  clientId: string;
  name: string;
  position: 1 | 2;
  /** Homework settled (due, or submitted early) among the last four. */
  counted: number;
  /** Of those, not submitted by the due date. */
  missed: number;
  /** (counted − missed) / counted; null before anything is due. */
  onTimeRate: number | null;
  missedInARow: number;
  lastActiveAt: string | null;
  daysSinceActive: number | null;
  /** Their reminders use the gentler wording now (the clinic's gentleReminderAfterMisses). */
  gentleReminders: boolean;
  /** The therapist is asked to check in with them (the clinic's engagementTaskAfterMisses). */
  needsCheckIn: boolean;
}

/** `GET /couples/{id}/engagement`: both partners, partner 1 first. */
export interface CoupleEngagement {
  coupleId: string;
  partners: PartnerEngagementView[];
}
