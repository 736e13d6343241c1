import type { PartnerProgress } from '@trellis/contracts';
import type { AssignmentStatus, ResponseStatus } from '@trellis/domain';
import { relativeTime } from '../../common/dates';

type ChipColor = 'default' | 'primary' | 'secondary' | 'success' | 'warning' | 'error' | 'info';

export const ASSIGNMENT_STATUS_LABELS: Record<AssignmentStatus, string> = {
  assigned: 'Not started',
  in_progress: 'In progress',
  partly_submitted: 'One partner done',
  completed: 'Ready to review',
  reviewed: 'Reviewed',
  cancelled: 'Cancelled',
};

export const ASSIGNMENT_STATUS_COLORS: Record<AssignmentStatus, ChipColor> = {
  assigned: 'default',
  in_progress: 'info',
  partly_submitted: 'info',
  completed: 'primary',
  reviewed: 'success',
  cancelled: 'default',
};

export const RESPONSE_STATUS_LABELS: Record<ResponseStatus, string> = {
  not_started: 'Not started',
  draft: 'Draft saved',
  submitted: 'Submitted',
};

export const RESPONSE_STATUS_COLORS: Record<ResponseStatus, ChipColor> = {
  not_started: 'default',
  draft: 'info',
  submitted: 'success',
};

/** "Partner A" / "Partner B": how the review page tells the two columns apart besides the names. */
export const partnerLetter = (position: 1 | 2): string => (position === 1 ? 'Partner A' : 'Partner B');

/** Homework the therapist can still change (reschedule, cancel, resend links). */
export const isOpenAssignment = (status: AssignmentStatus): boolean =>
  status === 'assigned' || status === 'in_progress' || status === 'partly_submitted';

/** Review is possible once at least one partner has submitted (the API refuses before). */
export const canReview = (status: AssignmentStatus): boolean => status === 'partly_submitted' || status === 'completed';

/** One line on where a partner is with their homework, most telling fact first. */
export const partnerProgressText = (
  partner: Pick<PartnerProgress, 'status' | 'linkOpenedAt' | 'lastSavedAt' | 'submittedAt'>,
  now: Date = new Date(),
): string => {
  if (partner.status === 'submitted' && partner.submittedAt)
    return `Submitted ${relativeTime(partner.submittedAt, now)}`;
  if (partner.status === 'draft' && partner.lastSavedAt) return `Draft saved ${relativeTime(partner.lastSavedAt, now)}`;
  if (partner.linkOpenedAt) return `Opened the link ${relativeTime(partner.linkOpenedAt, now)}, nothing saved yet`;
  return 'Has not opened the link yet';
};
