// Check-in schedules (therapist) and the partner's check-in form, shared by the API, the dashboard
// and the partner's page.
import type { IsoWeekday, ResponseScale } from '@trellis/domain';

export const CHECK_IN_SCHEDULE_KIND_VALUES = ['before_session', 'after_session', 'weekly', 'once'] as const;
export type CheckInScheduleKind = (typeof CHECK_IN_SCHEDULE_KIND_VALUES)[number];

/**
 * Body of `PUT /couples/:id/check-in-schedules/:scheduleId` (and, with `measureId`, of the POST).
 * `hours` for before_session / after_session, `weekday` + `localTime` for weekly, `onceAt` for once;
 * a field of another kind is refused.
 */
export interface CheckInScheduleChange {
  kind: CheckInScheduleKind;
  hours?: number;
  weekday?: IsoWeekday;
  /** "HH:MM" in each partner's own time zone. */
  localTime?: string;
  onceAt?: string;
  /** Let each partner see the other's scores for check-ins both answered. */
  shareWithPartner?: boolean;
}

export interface CheckInScheduleInput extends CheckInScheduleChange {
  measureId: string;
}

/** The next check-in one partner will be sent on a schedule, as planned now. */
export interface UpcomingCheckIn {
  clientId: string;
  position: 1 | 2;
  sendAt: string;
  occurrence: string;
}

export interface CheckInScheduleView {
  id: string;
  coupleId: string;
  measureId: string;
  measureTitle: string;
  kind: CheckInScheduleKind;
  hours: number | null;
  weekday: IsoWeekday | null;
  localTime: string | null;
  onceAt: string | null;
  shareWithPartner: boolean;
  createdAt: string;
  updatedAt: string;
  /** Per partner; empty when nothing is planned (no session, couple not active, already sent). */
  upcoming: UpcomingCheckIn[];
}

/** One item of the check-in form, on its own scale. */
export interface CheckInFormItem {
  id: string;
  label: string;
  scale: ResponseScale;
}

/** What a check-in link shows (`POST /check-ins/link`): no scores, nothing of the other partner. */
export interface CheckInForm {
  partnerFirstName: string;
  clinicName: string;
  title: string;
  instructions: string;
  items: CheckInFormItem[];
  /**
   * For a check-in a program step sent: where it sits on the couple's path and what comes next,
   * titles only (as on a homework page). Null or absent for a scheduled check-in.
   */
  path?: { step: number; total: number; nextTitle: string | null } | null;
}

/** Body of `POST /check-ins/submit`. */
export interface CheckInSubmission {
  token: string;
  answers: Record<string, number | null>;
}

export interface CheckInTrendPoint {
  occurrence: string;
  submittedAt: string;
  score: number | null;
}

/**
 * After submitting: the partner's own scores over time and, only for check-ins both answered and
 * only when the therapist allowed sharing, the other partner's.
 */
export interface CheckInResult {
  submittedAt: string;
  score: number | null;
  range: { min: number; max: number };
  higherIsBetter: boolean;
  mine: CheckInTrendPoint[];
  partner: CheckInTrendPoint[];
  partnerFirstName: string | null;
}
